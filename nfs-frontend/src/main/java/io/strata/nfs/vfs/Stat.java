package io.strata.nfs.vfs;

/**
 * Attributes of one inode. Times are nanoseconds since the epoch. {@code change} grows with every change of content
 * or attributes (NFSv4's change attribute; v3 clients revalidate on mtime/ctime/size).
 *
 * @param mode permission bits only (07777); the type is {@code type}
 * @param used bytes the file occupies on its volumes (a sparse file uses less than its size)
 */
public record Stat(FileId id, FileType type, int mode, int nlink, int uid, int gid, long size, long used,
                   long atimeNanos, long mtimeNanos, long ctimeNanos, long change) {
}
