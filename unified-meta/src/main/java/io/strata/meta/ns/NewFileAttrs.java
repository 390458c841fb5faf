package io.strata.meta.ns;

import io.strata.meta.model.Inode;

/** Owner and permission bits of a file, directory or symlink being created over NFS. */
public record NewFileAttrs(int mode, int uid, int gid) {
    private static final int SET_GID = 02000;

    /**
     * The attributes as made in {@code parent}: under a set-group-ID directory, the new inode takes the directory's
     * group instead of its creator's, and a new directory is set-group-ID too (as on a local Linux file system).
     */
    public NewFileAttrs in(Inode parent, boolean directory) {
        if ((parent.posix().mode() & SET_GID) == 0) {
            return this;
        }
        return new NewFileAttrs(directory ? mode | SET_GID : mode, uid, parent.posix().gid());
    }
}
