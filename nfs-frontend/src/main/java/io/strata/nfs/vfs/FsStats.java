package io.strata.nfs.vfs;

/** FSSTAT figures: bytes and file slots in total, free, and available to the caller. */
public record FsStats(long totalBytes, long freeBytes, long availableBytes, long totalFiles, long freeFiles,
                      long availableFiles) {
}
