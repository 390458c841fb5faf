package io.strata.tiering.policy;

import java.time.Instant;
import java.util.List;

/** One stored version of the policy. Versions are numbered from 1; version 0 is the empty initial policy. */
public record PolicyVersion(int version, Instant createdAt, String comment, List<Rule> rules) {
    public PolicyVersion {
        rules = List.copyOf(rules);
    }

    public static final PolicyVersion EMPTY = new PolicyVersion(0, Instant.EPOCH, "no policy yet", List.of());
}
