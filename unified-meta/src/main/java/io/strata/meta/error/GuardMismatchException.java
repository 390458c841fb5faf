package io.strata.meta.error;

/** A guarded attribute change found the file's ctime different from the caller's (NFS3ERR_NOT_SYNC). */
public final class GuardMismatchException extends MetaException {
    public GuardMismatchException(String message) {
        super(message);
    }
}
