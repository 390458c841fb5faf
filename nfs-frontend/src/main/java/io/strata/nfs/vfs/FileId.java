package io.strata.nfs.vfs;

/**
 * Identity of one inode as NFS file handles carry it: the inode id and the generation it was created with.
 * A handle whose generation no longer matches names a file that is gone (NFS3ERR_STALE), even if the id were
 * ever reused.
 */
public record FileId(long inode, long generation) {
}
