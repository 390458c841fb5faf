package io.strata.nfs.vfs;

/**
 * Bytes read (possibly fewer than asked), whether they reach the end of the file, and the file's attributes as
 * the read saw them (so a READ reply needs no second attribute lookup).
 */
public record ReadResult(byte[] data, boolean eof, Stat attributes) {
}
