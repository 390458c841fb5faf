package io.strata.meta.model;

import java.util.List;

/**
 * One file, directory or symlink of the namespace. Its identity is {@code id} with {@code generation}
 * (what NFS file handles carry); {@code version} counts every change of content or attributes, so a reader or
 * the mover can tell whether the inode changed under it.
 *
 * @param parentId    for a directory, the directory holding it (the bucket root's parent is the namespace root);
 *                    0 for files and symlinks, which may have several parents through hard links
 * @param object      S3 attributes; null for a directory that S3 does not list as an object (an implicit prefix)
 * @param extents     where the bytes live, sorted by offset; empty for directories, symlinks and empty files
 * @param symlinkTarget the target of a symlink, else null
 */
public record Inode(
        long id,
        InodeType type,
        long generation,
        long parentId,
        long version,
        long size,
        PosixAttrs posix,
        ObjectAttrs object,
        List<Extent> extents,
        String symlinkTarget) {

    public Inode {
        extents = List.copyOf(extents);
    }

    public boolean isDirectory() {
        return type == InodeType.DIRECTORY;
    }

    public boolean isFile() {
        return type == InodeType.FILE;
    }

    public Inode withObject(ObjectAttrs newObject, long newVersion, long ctime) {
        return new Inode(id, type, generation, parentId, newVersion, size,
                posix.withTimes(posix.mtimeNanos(), ctime), newObject, extents, symlinkTarget);
    }

    /** One more or one fewer name (hard links); the change counts as a change of the inode. */
    public Inode withNlink(int nlink, long now) {
        return new Inode(id, type, generation, parentId, version + 1, size, posix.withNlink(nlink, now), object,
                extents, symlinkTarget);
    }

    public Inode withContent(long newSize, List<Extent> newExtents, ObjectAttrs newObject, long newVersion, long now) {
        return new Inode(id, type, generation, parentId, newVersion, newSize,
                posix.withTimes(now, now), newObject, newExtents, symlinkTarget);
    }
}
