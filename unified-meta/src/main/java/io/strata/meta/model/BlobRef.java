package io.strata.meta.model;

/** Names one data file on one volume. Blob ids are opaque: they never derive from a user's path or key. */
public record BlobRef(String volumeId, String blobId) {
    /** The pseudo-volume of small objects whose bytes live in the namespace itself. */
    public static final String INLINE_VOLUME = "inline";

    public BlobRef {
        if (volumeId == null || volumeId.isEmpty() || blobId == null || blobId.isEmpty()) {
            throw new IllegalArgumentException("volume and blob id are required");
        }
    }

    public boolean isInline() {
        return INLINE_VOLUME.equals(volumeId);
    }

    /** A single string form, used as a cache key. */
    public String token() {
        return volumeId + ':' + blobId;
    }
}
