package io.strata.meta.error;

/** The operation never applies to this kind of inode (POSIX EPERM), whoever asks. */
public final class NotPermittedException extends MetaException {
    public NotPermittedException(String message) {
        super(message);
    }
}
