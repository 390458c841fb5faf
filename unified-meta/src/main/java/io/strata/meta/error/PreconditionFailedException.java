package io.strata.meta.error;

/** A condition of the request (ETag or version match) did not hold. */
public final class PreconditionFailedException extends MetaException {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
