package io.strata.nfs.vfs;

/** The file types the namespace holds; NFS device and socket types are not stored (MKNOD answers NOTSUPP). */
public enum FileType {
    REGULAR, DIRECTORY, SYMLINK, FIFO, SOCKET
}
