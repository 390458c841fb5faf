package io.strata.tiering.mover;

import io.strata.meta.MetaStore;
import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.tiering.data.ReadSegment;
import io.strata.tiering.data.SegmentTransfer;
import java.util.concurrent.CancellationException;
import io.strata.tiering.store.ByteRange;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.Volume;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Moves one file: copy its bytes to a new blob on the target volume (hashing them as read), verify the copy, then
 * switch the extent map in one transaction that succeeds only if the file did not change meanwhile. The new blob is
 * in the ledger from before its first byte until the switch, so a crash at any point leaves the old placement
 * intact and the copy reclaimed.
 */
final class FileMove {
    /** The outcome of one attempt. */
    enum Outcome { MOVED, GONE, CHANGED, CANCELLED }

    private static final int CHUNK = 1 << 20;

    private final MetaStore meta;
    private final ObjectStore store;
    private final Throttle throttle;

    FileMove(MetaStore meta, ObjectStore store, Throttle throttle) {
        this.meta = meta;
        this.store = store;
        this.throttle = throttle;
    }

    Outcome run(MoveTask task, Volume target) throws IOException, InterruptedException {
        Inode inode = meta.inodes().get(task.plan.inodeId());
        if (inode == null || !inode.isFile()) {
            return Outcome.GONE;
        }
        if (inode.extents().isEmpty() || TargetPicker.volumesOf(inode).equals(Set.of(target.id()))) {
            return Outcome.MOVED; // already there (moved by an earlier attempt or another node)
        }
        String blobId = target.isLocal() ? CloudKeys.randomId()
                : CloudKeys.pick(target, task.plan.bucket(), task.plan.path());
        BlobRef ref = new BlobRef(target.id(), blobId);
        meta.ledger().inflight(ref);
        boolean switched = false;
        try {
            task.set(MoveState.COPYING, null);
            task.copied.set(0);
            Long sourceCrc = copy(inode, target.create(blobId, cloudMetadata(task, inode)), task);
            if (sourceCrc == null) {
                return Outcome.CANCELLED;
            }
            task.set(MoveState.VERIFYING, null);
            verify(target, blobId, inode.size(), sourceCrc);
            task.set(MoveState.SWITCHING, null);
            switched = meta.relocations().relocate(inode.id(), inode.version(), inode.extents(),
                    List.of(new Extent(0, inode.size(), ref, 0)));
            return switched ? Outcome.MOVED : Outcome.CHANGED;
        } finally {
            if (!switched) {
                meta.ledger().released(Set.of(ref)); // the reclaimer deletes the copy
            }
        }
    }

    /**
     * Copies the file's bytes (holes as zeros) into the writer; the CRC32C of what was read, or null when
     * cancelled. CRC32C, not MD5: it catches a torn or misplaced copy just as surely and runs at memory speed
     * (the JIT uses the CPU's CRC instruction), so verification does not halve the move rate.
     */
    private Long copy(Inode inode, BlobWriter writer, MoveTask task) throws IOException, InterruptedException {
        CRC32C crc = new CRC32C();
        boolean done = false;
        try (Segments open = new Segments(store.segments(inode, new ByteRange(0, inode.size() - 1)))) {
            SegmentTransfer.transfer(open.list, chunk -> {
                if (task.cancelled) {
                    throw new CancellationException();
                }
                int n = chunk.remaining();
                throttle.acquire(n);
                crc.update(chunk.duplicate());
                writer.write(chunk);
                task.copied.addAndGet(n);
            });
            writer.commit();
            done = true;
            return crc.getValue();
        } catch (CancellationException e) {
            return null;
        } finally {
            if (!done) {
                writer.abort();
            }
        }
    }

    /**
     * Reads a local copy back and compares its CRC32C with what was read from the source. A cloud volume checks
     * each part's MD5 against the endpoint's answer as it uploads, so its copy is verified by then.
     */
    private static void verify(Volume target, String blobId, long size, long sourceCrc) throws IOException {
        if (!target.isLocal()) {
            return;
        }
        CRC32C crc = new CRC32C();
        long read = 0;
        try (BlobReader r = target.open(blobId)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
            while (true) {
                buf.clear();
                int n = r.read(buf, read);
                if (n < 0) {
                    break;
                }
                buf.flip();
                crc.update(buf);
                read += n;
            }
        }
        if (read != size || crc.getValue() != sourceCrc) {
            throw new IOException("copy on " + target.id() + " does not match its source (" + read + " of " + size
                    + " bytes, crc32c " + Long.toHexString(crc.getValue()) + " vs " + Long.toHexString(sourceCrc)
                    + ")");
        }
    }

    /** What a cloud copy carries so that it stays meaningful on its own. */
    private static Map<String, String> cloudMetadata(MoveTask task, Inode inode) {
        Map<String, String> m = new HashMap<>();
        if (inode.object() != null) {
            m.putAll(inode.object().userMetadata());
            String type = inode.object().contentType();
            if (type != null) {
                m.put("strata-content-type", type);
            }
            if (inode.object().etag() != null) {
                m.put("strata-etag", inode.object().etag());
            }
        }
        m.put("strata-path", task.plan.bucket() + "/" + task.plan.path());
        m.put("strata-inode", Long.toString(inode.id()));
        m.put("strata-mtime-ns", Long.toString(inode.posix().mtimeNanos()));
        return m;
    }

    /** The opened segments of the source, closed (leases ended) after the copy. */
    private record Segments(List<ReadSegment> list) implements AutoCloseable {
        @Override
        public void close() {
            new io.strata.tiering.store.OpenObject(null, null, null, list).close();
        }
    }
}
