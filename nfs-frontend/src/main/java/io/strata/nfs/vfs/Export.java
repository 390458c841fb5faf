package io.strata.nfs.vfs;

/** A mountable path ("/" for the namespace root, "/bucket" for a bucket) and its root directory. */
public record Export(String path, FileId root) {
}
