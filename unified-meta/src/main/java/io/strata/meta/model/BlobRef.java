package io.strata.meta.model;

/** Names one data file on one volume. Blob ids are opaque: they never derive from a user's path or key. */
public record BlobRef(String volumeId, String blobId) {
    public BlobRef {
        if (volumeId == null || volumeId.isEmpty() || blobId == null || blobId.isEmpty()) {
            throw new IllegalArgumentException("volume and blob id are required");
        }
    }

    /** A single string form, used as a cache key. */
    public String token() {
        return volumeId + ':' + blobId;
    }
}
