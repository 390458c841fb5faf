package io.strata.tiering.policy;

/**
 * The outcome of a policy for one file: the first rule that matched (null: none, the file stays) and why.
 *
 * @param ruleIndex position of the rule in the policy, or -1
 */
public record Decision(int ruleIndex, Rule rule, String reason) {
    public static final Decision NONE = new Decision(-1, null, "no rule matches");

    public boolean matched() {
        return rule != null;
    }
}
