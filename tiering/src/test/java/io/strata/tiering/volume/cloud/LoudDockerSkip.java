package io.strata.tiering.volume.cloud;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Disables a container test class where no Docker engine runs, and says so in the build log: a skip that only
 * shows up as a count in a report is easily mistaken for a pass.
 */
final class LoudDockerSkip implements ExecutionCondition {
    private static final Logger LOG = LoggerFactory.getLogger(LoudDockerSkip.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker is available");
        }
        String reason = "no Docker engine is reachable on this machine";
        if (context.getTestMethod().isEmpty()) {
            LOG.warn("SKIPPED {}: {}, so its tests did not run", context.getDisplayName(), reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
