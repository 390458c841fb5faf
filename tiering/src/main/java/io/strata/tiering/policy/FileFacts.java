package io.strata.tiering.policy;

import io.strata.meta.model.Inode;

import java.util.Map;

/**
 * What a rule can look at for one file.
 *
 * @param lastAccessMillis last recorded read, or the last modification when it was never read since
 */
public record FileFacts(String bucket, String path, long size, long modifiedMillis, long lastAccessMillis,
                        Map<String, String> tags, Map<String, String> metadata) {
    /**
     * The facts of a file under one of its names.
     *
     * @param lastReadMillis the last recorded read, or null when none was recorded
     */
    public static FileFacts of(String bucket, String path, Inode inode, Long lastReadMillis) {
        long modified = inode.posix().mtimeNanos() / 1_000_000;
        return new FileFacts(bucket, path, inode.size(), modified,
                lastReadMillis == null ? modified : Math.max(lastReadMillis, modified),
                inode.object() == null ? Map.of() : inode.object().tags(),
                inode.object() == null ? Map.of() : inode.object().userMetadata());
    }
}
