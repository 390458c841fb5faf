package io.strata.meta.error;

/**
 * A namespace operation was refused. Each subclass is one reason; the front ends translate them in one place each
 * (S3 error codes, NFS statuses). No subclass means "internal error": those are plain runtime exceptions.
 */
public abstract class MetaException extends RuntimeException {
    protected MetaException(String message) {
        super(message, null, false, false);
    }
}
