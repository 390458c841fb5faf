package io.strata.meta.error;

/** A bucket of that name exists already. */
public final class BucketExistsException extends MetaException {
    public BucketExistsException(String message) {
        super(message);
    }
}
