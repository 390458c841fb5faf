package io.strata.meta.error;

/** A directory still has entries. */
public final class DirectoryNotEmptyException extends MetaException {
    public DirectoryNotEmptyException(String message) {
        super(message);
    }
}
