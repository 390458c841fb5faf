package io.strata.nfs.vfs;

/** How durable a WRITE is when its reply goes out (RFC 1813 stable_how). */
public enum Stability {
    /** May be lost on a crash until COMMIT; the write verifier tells the client to resend. */
    UNSTABLE,
    /** Data on stable storage; metadata may lag (treated as FILE_SYNC here). */
    DATA_SYNC,
    /** Data and metadata on stable storage, and visible to S3. */
    FILE_SYNC
}
