package io.strata.meta.error;

/** The bucket does not exist. */
public final class NoSuchBucketException extends MetaException {
    public NoSuchBucketException(String message) {
        super(message);
    }
}
