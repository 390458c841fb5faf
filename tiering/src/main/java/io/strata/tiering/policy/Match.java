package io.strata.tiering.policy;

import java.time.Duration;
import java.util.Map;

/**
 * Which files a rule applies to; every field that is set must hold (null or empty: any). Globs: {@code *} within a
 * path segment, {@code **} across segments, {@code ?} one character. Ages compare with the time of evaluation.
 *
 * @param bucket             glob over the bucket name
 * @param path               glob over the path inside the bucket (the S3 key), e.g. {@code logs/**}
 * @param minSize            size at least this many bytes
 * @param maxSize            size at most this many bytes
 * @param modifiedOlderThan  last modified at least this long ago
 * @param accessedOlderThan  last read or written at least this long ago
 * @param tags               S3 object tags that must all be present with these values
 * @param metadata           {@code x-amz-meta-*} entries (names without the prefix, lower case) that must match
 */
public record Match(String bucket, String path, Long minSize, Long maxSize, Duration modifiedOlderThan,
                    Duration accessedOlderThan, Map<String, String> tags, Map<String, String> metadata) {
    public static final Match ANY = new Match(null, null, null, null, null, null, Map.of(), Map.of());

    public Match {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
