package io.strata.meta.error;

/** A component of the path that must be a directory is a file (S3: the key's prefix is an object). */
public final class ParentIsFileException extends MetaException {
    public ParentIsFileException(String message) {
        super(message);
    }
}
