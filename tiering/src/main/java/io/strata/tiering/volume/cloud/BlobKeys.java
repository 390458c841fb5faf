package io.strata.tiering.volume.cloud;

import java.nio.charset.StandardCharsets;

/**
 * Maps blob ids to object keys. The id is the key below the volume's prefix, so that the bucket stays readable
 * without Strata: {@code prefix/mybucket/dir/file.csv}.
 */
final class BlobKeys {
    /** S3 caps keys at 1024 bytes; the rest is left for the prefix. */
    static final int MAX_ID_BYTES = 900;
    private static final int MAX_KEY_BYTES = 1024;

    private final String prefix;

    /** {@code prefix} without leading or trailing slashes, as {@link io.strata.tiering.volume.CloudSpec} keeps it. */
    BlobKeys(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    String keyOf(String blobId) {
        validate(blobId);
        String key = prefix.isEmpty() ? blobId : prefix + "/" + blobId;
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("blob id " + blobId + " with prefix " + prefix
                    + " is longer than an S3 key may be (" + MAX_KEY_BYTES + " bytes)");
        }
        return key;
    }

    /** What every key of this volume starts with, for listings ("" for a whole bucket). */
    String listPrefix() {
        return prefix.isEmpty() ? "" : prefix + "/";
    }

    /**
     * Rejects ids that would escape the prefix or that other S3 tools mishandle: an id with a leading slash or a
     * {@code ..} segment reads as a different path once the bucket is browsed as a file tree.
     */
    static void validate(String blobId) {
        if (blobId == null || blobId.isEmpty()) {
            throw new IllegalArgumentException("blob id is empty");
        }
        if (blobId.startsWith("/")) {
            throw new IllegalArgumentException("blob id " + blobId + " starts with /");
        }
        for (String segment : blobId.split("/", -1)) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("blob id " + blobId + " has a .. segment");
            }
        }
        if (blobId.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("blob id is longer than " + MAX_ID_BYTES + " bytes: " + blobId);
        }
    }
}
