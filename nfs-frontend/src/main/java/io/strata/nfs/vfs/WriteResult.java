package io.strata.nfs.vfs;

/** How many bytes were written and how durable they are. */
public record WriteResult(int count, Stability committed) {
}
