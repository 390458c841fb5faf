package io.strata.tiering.volume;

/**
 * Space on a volume, in bytes. {@code totalBytes} and {@code freeBytes} are -1 where the storage has no fixed
 * capacity (a cloud bucket); {@code usedBytes} is what is in use there (for a local directory, its file system's
 * use; for a cloud bucket, what Strata keeps under its prefix).
 */
public record VolumeUsage(long totalBytes, long freeBytes, long usedBytes) {
    /** A file system's usage: used is what is not free. */
    public VolumeUsage(long totalBytes, long freeBytes) {
        this(totalBytes, freeBytes, totalBytes - freeBytes);
    }

    /** Storage without a capacity (a cloud bucket) holding {@code usedBytes}. */
    public static VolumeUsage unbounded(long usedBytes) {
        return new VolumeUsage(-1, -1, usedBytes);
    }
}
