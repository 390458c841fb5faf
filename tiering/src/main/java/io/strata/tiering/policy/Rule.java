package io.strata.tiering.policy;

/** One placement rule. Rules are ordered: the first whose match holds places the file. */
public record Rule(String name, Match match, Target target) {
}
