package io.strata.meta.model;

/**
 * Bytes {@code [offset, offset+length)} of a file live in {@code blob} starting at {@code blobOffset}.
 * A file's extents are sorted by offset and do not overlap; a gap between them is a hole that reads as zeros.
 */
public record Extent(long offset, long length, BlobRef blob, long blobOffset) {
    public Extent {
        if (offset < 0 || length < 0 || blobOffset < 0) {
            throw new IllegalArgumentException("negative extent field");
        }
    }

    public long end() {
        return offset + length;
    }
}
