package io.strata.tiering.files;

import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * NFS writes to one file that are not yet published. They go into a sparse blob at their file offsets; COMMIT
 * syncs it and publishes the written ranges as extents over the file's content, and later writes keep going into
 * the same blob as long as they do not overwrite a range already published from it (published bytes never change
 * under a reader). An overwrite rolls over to a new blob. Callers hold the object's monitor.
 */
final class OpenFile {
    final long inodeId;
    final long generation;
    final SequentialMd5 md5;

    private BlobHandle blob;
    /** Written to the current blob and not yet published. */
    private final RangeSet dirty = new RangeSet();
    /** Everything written to the current blob, published or not. */
    private final RangeSet inBlob = new RangeSet();
    /** The inode version this file's writes were last reconciled with; another version means someone else wrote. */
    long knownVersion;
    long lastWriteNanos;
    long lastWriteWallNanos;
    boolean closed;

    /** @param hashers where large sequential writes are hashed for the ETag ({@link SequentialMd5}) */
    OpenFile(long inodeId, long generation, long knownVersion, Executor hashers) {
        this.md5 = new SequentialMd5(hashers);
        this.inodeId = inodeId;
        this.generation = generation;
        this.knownVersion = knownVersion;
    }

    /** The open blob plus its name; supplied by the store, which knows volumes and leases. */
    record BlobHandle(BlobRef ref, io.strata.tiering.volume.RandomBlob file) {
    }

    boolean needsNewBlob(long offset, long end) {
        return blob == null || overlapsPublished(offset, end);
    }

    private boolean overlapsPublished(long offset, long end) {
        for (long[] r : inBlob.within(offset, end)) {
            if (!dirtyCovers(r[0], r[1])) {
                return true;
            }
        }
        return false;
    }

    private boolean dirtyCovers(long start, long end) {
        long covered = start;
        for (long[] r : dirty.within(start, end)) {
            if (r[0] > covered) {
                return false;
            }
            covered = r[1];
        }
        return covered >= end;
    }

    /** Swaps in a fresh blob; returns the previous one (the caller releases it). Only when nothing is dirty. */
    BlobHandle roll(BlobHandle next) {
        if (!dirty.isEmpty()) {
            throw new IllegalStateException("roll with unpublished writes");
        }
        BlobHandle old = blob;
        blob = next;
        inBlob.clear();
        return old;
    }

    /** @param nowNanos wall-clock time of the write (the file's mtime until it is published) */
    void write(long offset, ByteBuffer data, long nowNanos) throws IOException {
        int n = data.remaining();
        md5.offer(offset, data.duplicate());
        blob.file().write(data, offset);
        dirty.add(offset, offset + n);
        inBlob.add(offset, offset + n);
        catchUpHash();
        lastWriteNanos = System.nanoTime();
        lastWriteWallNanos = nowNanos;
    }

    /** Out-of-order writes: once the gap before them is filled, hash what the blob already holds after it. */
    private void catchUpHash() throws IOException {
        while (md5.usable()) {
            long from = md5.hashedUpTo();
            long to = inBlob.contiguousEnd(from);
            if (to <= from) {
                return;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(to - from, 1 << 20));
            while (buf.hasRemaining()) {
                if (blob.file().read(buf, from + buf.position()) < 0) {
                    md5.spoil();
                    return;
                }
            }
            buf.flip();
            md5.offer(from, buf);
        }
    }

    boolean hasDirty() {
        return !dirty.isEmpty();
    }

    /** {@link #hasDirty} for a caller that does not hold the monitor (it takes it for this one check). */
    synchronized boolean hasDirtyNow() {
        return hasDirty();
    }

    long dirtyEnd() {
        return dirty.end();
    }

    /** Unpublished ranges overlapping {@code [start, end)}, to lay over published bytes on read. */
    List<long[]> dirtyWithin(long start, long end) {
        return dirty.within(start, end);
    }

    int readDirty(ByteBuffer dst, long position) throws IOException {
        return blob.file().read(dst, position);
    }

    /** Syncs the blob; returns the dirty ranges as extents of it. */
    List<Extent> syncDirty() throws IOException {
        blob.file().sync();
        List<Extent> out = new ArrayList<>();
        for (long[] r : dirty.all()) {
            out.add(new Extent(r[0], r[1] - r[0], blob.ref(), r[0]));
        }
        return out;
    }

    void published() {
        dirty.clear();
    }

    /** Forgets unpublished writes (the file is gone); returns the blob to release. */
    BlobHandle discard() {
        dirty.clear();
        inBlob.clear();
        BlobHandle old = blob;
        blob = null;
        return old;
    }
}
