package io.strata.meta.error;

/** A key or file name cannot be a path in the namespace. */
public final class InvalidNameException extends MetaException {
    public InvalidNameException(String message) {
        super(message);
    }
}
