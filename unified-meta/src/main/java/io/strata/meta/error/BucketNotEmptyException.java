package io.strata.meta.error;

/** A bucket still holds entries (or uploads in progress) and cannot be deleted. */
public final class BucketNotEmptyException extends MetaException {
    public BucketNotEmptyException(String message) {
        super(message);
    }
}
