package io.strata.meta.error;

/** The multipart upload does not exist (never created, completed or aborted). */
public final class NoSuchUploadException extends MetaException {
    public NoSuchUploadException(String message) {
        super(message);
    }
}
