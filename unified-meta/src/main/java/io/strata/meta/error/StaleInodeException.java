package io.strata.meta.error;

/** An inode a caller holds (by id and generation) no longer exists. */
public final class StaleInodeException extends MetaException {
    public StaleInodeException(String message) {
        super(message);
    }
}
