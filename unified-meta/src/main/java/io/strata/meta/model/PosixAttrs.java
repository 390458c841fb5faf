package io.strata.meta.model;

/**
 * POSIX attributes of an inode. {@code mode} holds permission bits only (07777); the file type is the inode's
 * {@link InodeType}. Times are nanoseconds since the epoch.
 */
public record PosixAttrs(int mode, int uid, int gid, int nlink, long atimeNanos, long mtimeNanos, long ctimeNanos) {

    public PosixAttrs withTimes(long mtime, long ctime) {
        return new PosixAttrs(mode, uid, gid, nlink, atimeNanos, mtime, ctime);
    }

    public PosixAttrs withNlink(int newNlink, long ctime) {
        return new PosixAttrs(mode, uid, gid, newNlink, atimeNanos, mtimeNanos, ctime);
    }
}
