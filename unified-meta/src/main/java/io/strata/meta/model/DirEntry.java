package io.strata.meta.model;

/** A name in a directory pointing at an inode. */
public record DirEntry(long parentId, String name, long inodeId, InodeType type) {
}
