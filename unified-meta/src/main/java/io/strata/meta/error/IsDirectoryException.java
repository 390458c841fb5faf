package io.strata.meta.error;

/** The entry is a directory where a file is required (S3: other keys exist below this key). */
public final class IsDirectoryException extends MetaException {
    public IsDirectoryException(String message) {
        super(message);
    }
}
