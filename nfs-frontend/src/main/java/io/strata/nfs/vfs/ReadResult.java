package io.strata.nfs.vfs;

/**
 * How many bytes a read placed in the caller's buffer (possibly fewer than asked), whether they reach the end of the
 * file, and the file's attributes as the read saw them (so a READ reply needs no second attribute lookup).
 */
public record ReadResult(int length, boolean eof, Stat attributes) {
}
