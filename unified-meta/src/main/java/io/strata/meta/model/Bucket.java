package io.strata.meta.model;

/**
 * A bucket: a top-level directory of the namespace, whose root inode is {@code rootInodeId}. The owner and
 * modes are what files and directories created over S3 get as their POSIX attributes (see README).
 */
public record Bucket(String name, long rootInodeId, long createdMillis, int defaultUid, int defaultGid,
                     int defaultFileMode, int defaultDirMode) {
}
