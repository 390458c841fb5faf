package io.strata.meta.model;

/**
 * A multipart upload in progress: the key it will publish, the attributes given at creation, and the checksum
 * algorithm its parts carry (null for none).
 */
public record Upload(String uploadId, String bucket, String key, long initiatedMillis, ObjectAttrs attrs,
                     String checksumAlgorithm) {
}
