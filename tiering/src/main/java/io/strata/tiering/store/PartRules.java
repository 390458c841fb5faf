package io.strata.tiering.store;

/** Thrown when a CompleteMultipartUpload part list breaks S3's rules; {@link #rule} says which. */
public final class PartRules extends RuntimeException {
    /** The S3 rule broken. */
    public enum Rule { INVALID_PART, INVALID_PART_ORDER, ENTITY_TOO_SMALL }

    private final Rule rule;

    public PartRules(Rule rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
