package io.strata.tiering.control;

import io.strata.tiering.policy.PolicyVersion;
import io.strata.tiering.policy.Rule;

import java.util.List;

/** The placement policy: an ordered rule list, versioned. Version 0 is the empty policy (nothing moves). */
public interface PolicyControl {
    PolicyVersion current();

    /** Every version, oldest first. */
    List<PolicyVersion> versions();

    /** @throws NotFoundException for an unknown version */
    PolicyVersion version(int number);

    /** Validates the rules and stores them as the next version. @throws InvalidFieldException */
    PolicyVersion publish(List<Rule> rules, String comment);
}
