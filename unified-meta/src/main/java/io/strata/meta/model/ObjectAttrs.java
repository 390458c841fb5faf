package io.strata.meta.model;

import java.util.List;
import java.util.Map;

/**
 * What S3 knows of a file beyond POSIX: the ETag, the standard headers stored with it, user metadata
 * ({@code x-amz-meta-*} without the prefix), tags, stored checksums (algorithm name such as {@code CRC32C} to
 * its base64 value) with their type ({@code FULL_OBJECT} or {@code COMPOSITE}), and, for objects assembled by a
 * multipart upload, the size of each part (so {@code partNumber} reads and the part count work).
 */
public record ObjectAttrs(
        String etag,
        Map<String, String> headers,
        Map<String, String> userMetadata,
        Map<String, String> tags,
        Map<String, String> checksums,
        String checksumType,
        List<Long> partSizes) {

    /** Standard header names kept in {@link #headers()}, lower case. */
    public static final List<String> STORED_HEADERS = List.of(
            "content-type", "content-encoding", "content-disposition", "content-language", "cache-control", "expires");

    public ObjectAttrs {
        headers = Map.copyOf(headers);
        userMetadata = Map.copyOf(userMetadata);
        tags = Map.copyOf(tags);
        checksums = Map.copyOf(checksums);
        partSizes = List.copyOf(partSizes);
    }

    public static ObjectAttrs ofEtag(String etag) {
        return new ObjectAttrs(etag, Map.of(), Map.of(), Map.of(), Map.of(), null, List.of());
    }

    public String contentType() {
        return headers.get("content-type");
    }

    public ObjectAttrs withUserMetadata(Map<String, String> newMetadata) {
        return new ObjectAttrs(etag, headers, newMetadata, tags, checksums, checksumType, partSizes);
    }

    public ObjectAttrs withTags(Map<String, String> newTags) {
        return new ObjectAttrs(etag, headers, userMetadata, newTags, checksums, checksumType, partSizes);
    }
}
