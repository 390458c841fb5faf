package io.strata.nfs.vfs;

/**
 * FSSTAT figures: bytes and file slots in total, free, and available to the caller; and the largest file size
 * (FSINFO's maxfilesize, NFSv4's maxfilesize attribute).
 */
public record FsStats(long totalBytes, long freeBytes, long availableBytes, long totalFiles, long freeFiles,
                      long availableFiles, long maxFileSize) {
}
