package io.strata.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * External clients the integration tests drive. A missing one skips the test loudly on a developer's machine,
 * and fails it in CI (env CI=true), where .ci/run installs them.
 */
final class Tools {
    static final String AWS = "/usr/bin/aws";
    static final String PYTHON = "/usr/bin/python3";
    static final String CURL = "/usr/bin/curl";

    private Tools() {
    }

    static void requireAwsCli() {
        require(Files.isExecutable(Path.of(AWS)), AWS + " (Debian's AWS CLI)",
                "sudo apt-get install -y --no-install-recommends awscli");
    }

    static void requireBoto3() throws Exception {
        boolean python = Files.isExecutable(Path.of(PYTHON));
        boolean boto3 = python && Proc.run(List.of(PYTHON, "-c", "import boto3"), Map.of("PATH", "/usr/bin:/bin"),
                null, Duration.ofSeconds(60)).exit() == 0;
        require(boto3, "boto3 for " + PYTHON + " (Debian's python3-boto3)",
                "sudo apt-get install -y --no-install-recommends python3-boto3");
    }

    static void requireCurl() {
        require(Files.isExecutable(Path.of(CURL)), CURL,
                "sudo apt-get install -y --no-install-recommends curl");
    }

    static void require(boolean present, String what, String install) {
        if (present) {
            return;
        }
        String message = "MISSING TOOL: " + what + " is not installed; install it with: " + install
                + " (or run .ci/run, which installs everything the tests need)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ". CI=true: a missing tool fails the test instead of skipping it.");
        }
        System.err.println();
        System.err.println("*************************************************************************************");
        System.err.println("  SKIPPING: " + message);
        System.err.println("*************************************************************************************");
        System.err.println();
        Assumptions.assumeTrue(false, "SKIPPED, " + message);
    }
}
