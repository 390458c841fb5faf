package io.strata.tiering.placement;

import java.util.List;

/**
 * Where a file's bytes sit and what the current policy says about it.
 *
 * @param storageClass  what S3 GET/HEAD show as {@code x-amz-storage-class}
 * @param rule          the rule that matches the file now (null: none), with {@code reason}
 * @param wantedVolume  where that rule wants it (null when it is where it should be or pinned)
 */
public record Placement(String bucket, String path, long inodeId, long size, String etag, String storageClass,
                        List<PlacedRange> ranges, int policyVersion, String rule, String reason,
                        String wantedVolume) {
}
