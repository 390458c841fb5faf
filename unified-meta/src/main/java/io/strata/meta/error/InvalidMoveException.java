package io.strata.meta.error;

/** A rename that would put a directory inside itself, or move the namespace root or a bucket. */
public final class InvalidMoveException extends MetaException {
    public InvalidMoveException(String message) {
        super(message);
    }
}
