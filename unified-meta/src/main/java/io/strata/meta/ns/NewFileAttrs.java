package io.strata.meta.ns;

/** Owner and permission bits of a file, directory or symlink being created over NFS. */
public record NewFileAttrs(int mode, int uid, int gid) {
}
