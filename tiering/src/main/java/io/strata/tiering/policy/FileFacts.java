package io.strata.tiering.policy;

import java.util.Map;

/**
 * What a rule can look at for one file.
 *
 * @param lastAccessMillis last recorded read, or the last modification when it was never read since
 */
public record FileFacts(String bucket, String path, long size, long modifiedMillis, long lastAccessMillis,
                        Map<String, String> tags, Map<String, String> metadata) {
}
