package io.strata.meta.error;

/** No entry at that path or key, or the inode is gone. */
public final class NotFoundException extends MetaException {
    public NotFoundException(String message) {
        super(message);
    }
}
