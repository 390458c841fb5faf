package io.strata.meta.error;

/** The entry is not a directory where one is required. */
public final class NotDirectoryException extends MetaException {
    public NotDirectoryException(String message) {
        super(message);
    }
}
