package io.strata.tiering.control;

/** A request names a value that cannot be accepted; {@code field} is its JSON path, e.g. {@code rules[1].target.tier}. */
public final class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        String m = getMessage();
        return m.substring(field.length() + 2);
    }
}
