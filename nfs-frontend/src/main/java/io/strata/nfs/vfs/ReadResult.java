package io.strata.nfs.vfs;

/** Bytes read (possibly fewer than asked) and whether they reach the end of the file. */
public record ReadResult(byte[] data, boolean eof) {
}
