package io.strata.nfs.status;

/**
 * A failed NFS operation with its status. The file-system seam and the procedures throw it; the dispatcher turns it
 * into the reply's status in one place. No stack trace: it is an expected outcome, not a bug.
 */
public class NfsException extends Exception {
    private final NfsStatus status;

    public NfsException(NfsStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public NfsStatus status() {
        return status;
    }

    public static NfsException of(NfsStatus status, String message) {
        return new NfsException(status, message);
    }
}
