package io.strata.tiering.files;

import io.strata.meta.MetaStore;
import io.strata.meta.error.StaleInodeException;
import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.ns.AttrChange;
import io.strata.meta.ns.FileTree;
import io.strata.tiering.data.BlobChannels;
import io.strata.tiering.data.ReadLeases;
import io.strata.tiering.data.Zeros;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.access.AccessTracker;
import io.strata.tiering.thread.DaemonThreads;
import io.strata.tiering.volume.RandomBlob;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core API for file-shaped access (what the NFS front end translates to): byte-range reads and writes on
 * inodes of the same namespace S3 serves. Writes are buffered per file in a sparse blob ({@link OpenFile}) and
 * published by {@link #commit}: file clients see them at once, S3 once committed. A file left with unpublished
 * writes for {@link #IDLE_COMMIT} is committed by the store itself, so S3 never waits on a client that forgot to.
 */
public final class FileStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
    static final Duration IDLE_COMMIT = Duration.ofSeconds(2);
    private static final Duration IDLE_CLOSE = Duration.ofSeconds(30);
    /**
     * Past this many open files, a file is closed as soon as a COMMIT leaves it clean: a client writing thousands of
     * small files would otherwise hold a descriptor per file until {@link #IDLE_CLOSE}.
     */
    static final int KEEP_OPEN = 256;
    private static final int OPEN_ATTEMPTS = 3;

    private final MetaStore meta;
    private final VolumeRegistry volumes;
    private final ReadLeases leases;
    private final AccessTracker access;
    private final BlobChannels channels;
    private final long writeVerifier = new SecureRandom().nextLong();
    private final ConcurrentHashMap<Long, OpenFile> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("strata-file-flusher"));
    /** Hash sequential writes for their MD5 ETag while the writing threads go on (see {@link SequentialMd5}). */
    private final ExecutorService hashers = Executors.newFixedThreadPool(
            Math.min(4, Runtime.getRuntime().availableProcessors()), DaemonThreads.named("strata-md5"));

    public FileStore(ObjectStore objects, VolumeRegistry volumes, ReadLeases leases) {
        this.meta = objects.meta();
        this.access = objects.access();
        this.volumes = volumes;
        this.leases = leases;
        this.channels = new BlobChannels(volumes, 256);
        flusher.scheduleWithFixedDelay(this::flushIdle, 1, 1, TimeUnit.SECONDS);
    }

    public FileTree tree() {
        return meta.files();
    }

    public MetaStore meta() {
        return meta;
    }

    /** Space of the volume new writes go to (what FSSTAT reports). */
    public io.strata.tiering.volume.VolumeUsage space() throws IOException {
        return volumes.writeTarget().usage();
    }

    /** The largest size a file written over NFS can reach: the limit of the volume random writes go to. */
    public long maxFileSize() {
        return volumes.writeTarget().maxFileSize();
    }

    /** Changes with every server start: an NFS client resends UNSTABLE writes when it sees a new one. */
    public long writeVerifier() {
        return writeVerifier;
    }

    /** Files with a write buffer right now (for tests and metrics). */
    public int openFiles() {
        return open.size();
    }

    /** The tiers and volumes holding the inode's published bytes. */
    public io.strata.tiering.placement.Residence residence(Inode inode) {
        return io.strata.tiering.placement.Residence.of(inode, volumes);
    }

    /** Size and mtime as file clients see them, including writes not yet committed. */
    public FileView view(Inode inode) {
        OpenFile f = open.get(inode.id());
        if (f == null) {
            return new FileView(inode.size(), inode.posix().mtimeNanos());
        }
        synchronized (f) {
            if (!f.hasDirty()) {
                return new FileView(inode.size(), inode.posix().mtimeNanos());
            }
            return new FileView(Math.max(inode.size(), f.dirtyEnd()),
                    Math.max(inode.posix().mtimeNanos(), f.lastWriteWallNanos));
        }
    }

    public record FileView(long size, long mtimeNanos) {
    }

    /**
     * Reads up to {@code into.remaining()} bytes at {@code offset}, unpublished writes included, into {@code into}
     * from its position, which advances past them; holes read as zeros.
     *
     * <p>Why a caller's buffer: the NFS front end reads into a pooled direct buffer that its reply then sends as is,
     * instead of a fresh heap array (zeroed by the JVM, then copied again on both sides of the system calls).
     */
    public FileRead read(long id, long generation, long offset, ByteBuffer into) throws IOException {
        access.touched(id);
        OpenFile f = open.get(id);
        if (f == null || !f.hasDirtyNow()) {
            // Published bytes never change under a reader, so concurrent reads need not queue on the file's monitor;
            // a write that lands meanwhile is simply ordered after this read.
            return readPublished(requireFile(id, generation), offset, into);
        }
        synchronized (f) {
            Inode inode = requireFile(id, generation);
            long size = f.hasDirty() ? Math.max(inode.size(), f.dirtyEnd()) : inode.size();
            int n = (int) Math.max(0, Math.min(into.remaining(), size - offset));
            int start = into.position();
            int published = readPublished(inode, offset, into.slice(start, n)).length();
            Zeros.fill(into, start + published, start + n); // written but unpublished past the published end
            for (long[] r : f.dirtyWithin(offset, offset + n)) {
                ByteBuffer dst = into.slice(start + (int) (r[0] - offset), (int) (r[1] - r[0]));
                long pos = r[0];
                while (dst.hasRemaining()) {
                    int k = f.readDirty(dst, pos);
                    if (k < 0) {
                        break; // the sparse blob ends before the range: the rest reads as zeros
                    }
                    pos += k;
                }
            }
            into.position(start + n);
            return new FileRead(n, offset + n >= size, inode);
        }
    }

    /**
     * @param length how many bytes the read placed in the caller's buffer
     * @param inode  the inode the read saw (its attributes describe the bytes returned)
     */
    public record FileRead(int length, boolean eof, Inode inode) {
    }

    private Inode requireFile(long id, long generation) {
        Inode inode = tree().require(id, generation);
        if (!inode.isFile()) {
            throw new io.strata.meta.error.IsDirectoryException("inode " + id + " is not a regular file");
        }
        return inode;
    }

    private FileRead readPublished(Inode inode, long offset, ByteBuffer into) throws IOException {
        int start = into.position();
        for (int attempt = 1; ; attempt++) {
            int n = (int) Math.max(0, Math.min(into.remaining(), inode.size() - offset));
            if (n == 0) {
                return new FileRead(0, true, inode);
            }
            try {
                readExtents(inode, offset, into.slice(start, n));
                into.position(start + n);
                return new FileRead(n, offset + n >= inode.size(), inode);
            } catch (NoSuchFileException e) {
                // A concurrent replace reclaimed a data file between reading the inode and opening it.
                if (attempt >= OPEN_ATTEMPTS) {
                    throw e;
                }
                inode = tree().require(inode.id(), inode.generation());
            }
        }
    }

    /**
     * Fills {@code out} (position 0 to its limit) with the published content from {@code offset}. The buffer may
     * hold earlier bytes (a pooled one does), so holes are zeroed explicitly, never assumed.
     */
    private void readExtents(Inode inode, long offset, ByteBuffer out) throws IOException {
        long end = offset + out.limit();
        long covered = offset;
        for (Extent e : inode.extents()) {
            long from = Math.max(offset, e.offset());
            long to = Math.min(end, e.end());
            if (from >= to) {
                continue;
            }
            Zeros.fill(out, (int) (covered - offset), (int) (from - offset));
            int at = (int) (from - offset);
            int len = (int) (to - from);
            long blobPos = e.blobOffset() + (from - e.offset());
            if (e.blob().isInline()) {
                byte[] bytes = meta.inline().get(e.blob().blobId());
                if (bytes == null) {
                    throw new NoSuchFileException("inline:" + e.blob().blobId());
                }
                out.put(at, bytes, (int) blobPos, len);
            } else {
                int read = channels.read(e.blob(), out.slice(at, len), blobPos);
                Zeros.fill(out, at + Math.max(read, 0), at + len); // a data file that ends early: the rest is a hole
                if (!volumes.require(e.blob().volumeId()).isLocal()) {
                    access.coldRead(inode.id());
                }
            }
            covered = to;
        }
        Zeros.fill(out, (int) (covered - offset), out.limit());
    }

    /**
     * Writes at {@code offset} of a regular file (IsDirectoryException otherwise); with {@code sync}, returns only
     * once the write is durable and published. The store may still read {@code data} after returning (its MD5 is
     * computed on other threads): the caller hands the bytes over and must not change them.
     */
    public void write(long id, long generation, long offset, ByteBuffer data, boolean sync) throws IOException {
        for (;;) {
            OpenFile f = open.computeIfAbsent(id,
                    k -> new OpenFile(id, generation, requireFile(id, generation).version(), hashers));
            synchronized (f) {
                if (f.closed) {
                    continue;
                }
                if (f.generation != generation) {
                    throw new StaleInodeException("inode " + id + " was replaced");
                }
                long end = offset + data.remaining();
                if (f.needsNewBlob(offset, end)) {
                    publish(f);
                    releaseBlob(f.roll(newBlob()), false);
                }
                f.write(offset, data, meta.clock().now());
                if (sync) {
                    publish(f);
                }
                return;
            }
        }
    }

    /** Makes the file's writes durable and visible to S3. */
    public void commit(long id, long generation) throws IOException {
        OpenFile f = open.get(id);
        if (f == null) {
            tree().require(id, generation);
            return;
        }
        synchronized (f) {
            publish(f);
            if (open.size() > KEEP_OPEN && !f.closed) {
                close(f, false);
            }
        }
    }

    /** A SETATTR. A size change first publishes pending writes, then clips or extends the published content. */
    public Inode setattr(long id, long generation, AttrChange change, Long guardCtime) throws IOException {
        OpenFile f = open.get(id);
        if (f == null) {
            return tree().setattr(id, generation, change, guardCtime);
        }
        synchronized (f) {
            if (change.size() != null) {
                publish(f);
            }
            Inode updated = tree().setattr(id, generation, change, guardCtime);
            boolean mine = updated.version() == f.knownVersion + 1;
            f.knownVersion = updated.version();
            if (change.size() != null) {
                if (change.size() == 0 && mine) {
                    f.md5.reset();
                } else if (change.size() < f.md5.hashedUpTo() || !mine) {
                    f.md5.spoil();
                }
            }
            return updated;
        }
    }

    /** Grows the file to at least {@code end} bytes (NFSv4.2 ALLOCATE), after its pending writes. */
    public Inode allocate(long id, long generation, long end) throws IOException {
        return afterPendingWrites(id, () -> tree().allocate(id, generation, end));
    }

    /**
     * Makes a range a hole (NFSv4.2 DEALLOCATE). Pending writes are published first, so that one sent before
     * cannot fill the hole again when it is committed after.
     */
    public Inode punchHole(long id, long generation, long offset, long length) throws IOException {
        return afterPendingWrites(id, () -> tree().punchHole(id, generation, offset, length));
    }

    private Inode afterPendingWrites(long id, java.util.function.Supplier<Inode> change) throws IOException {
        OpenFile f = open.get(id);
        if (f == null) {
            return change.get();
        }
        synchronized (f) {
            publish(f);
            Inode updated = change.get();
            if (updated.version() != f.knownVersion) {
                f.md5.spoil(); // the running MD5 hashed other bytes than the file now has
                f.knownVersion = updated.version();
            }
            return updated;
        }
    }

    /** Called with the file's monitor held. */
    private void publish(OpenFile f) throws IOException {
        if (!f.hasDirty()) {
            return;
        }
        List<Extent> written = f.syncDirty();
        long size = Math.max(f.dirtyEnd(), 0);
        Inode after;
        try {
            Inode before = tree().require(f.inodeId, f.generation);
            if (before.version() != f.knownVersion) {
                f.md5.spoil(); // someone else changed the file: our running MD5 no longer describes it
            }
            String etag = f.md5.md5IfCovers(Math.max(before.size(), size));
            after = tree().publishWrites(f.inodeId, f.generation, written, etag, f.knownVersion);
        } catch (StaleInodeException e) {
            close(f, true);
            throw e;
        }
        f.knownVersion = after.version();
        f.published();
    }

    private OpenFile.BlobHandle newBlob() throws IOException {
        Volume volume = volumes.writeTarget();
        BlobRef ref = new BlobRef(volume.id(), UUID.randomUUID().toString().replace("-", ""));
        meta.ledger().inflight(ref);
        leases.acquire(ref); // held while this store may still write into it: the reclaimer skips it
        try {
            RandomBlob file = volume.createRandom(ref.blobId());
            return new OpenFile.BlobHandle(ref, file);
        } catch (IOException | RuntimeException e) {
            leases.release(ref);
            meta.ledger().released(Set.of(ref));
            throw e;
        }
    }

    private void releaseBlob(OpenFile.BlobHandle blob, boolean neverPublished) {
        if (blob == null) {
            return;
        }
        try {
            blob.file().close();
        } catch (IOException e) {
            LOG.warn("closing {} failed: {}", blob.ref().token(), e.toString());
        }
        if (neverPublished) {
            meta.ledger().released(Set.of(blob.ref()));
        }
        leases.release(blob.ref());
    }

    /** Closes an open file; {@code gone}: the inode no longer exists, unpublished writes are dropped. */
    private void close(OpenFile f, boolean gone) {
        f.closed = true;
        open.remove(f.inodeId, f);
        OpenFile.BlobHandle blob = gone ? f.discard() : f.roll(null);
        // A blob that was never published is still INFLIGHT; releasing it lets the reclaimer delete it. One that
        // was published belongs to the namespace (or was released by whoever replaced the content).
        releaseBlob(blob, gone);
    }

    private void flushIdle() {
        long now = System.nanoTime();
        for (OpenFile f : open.values()) {
            synchronized (f) {
                if (f.closed) {
                    continue;
                }
                long idle = now - f.lastWriteNanos;
                try {
                    if (f.hasDirty() && idle > IDLE_COMMIT.toNanos()) {
                        publish(f);
                    } else if (!f.hasDirty() && idle > IDLE_CLOSE.toNanos()) {
                        close(f, false);
                    }
                } catch (StaleInodeException e) {
                    // close() already ran: the file was removed while it had unpublished writes.
                } catch (IOException | RuntimeException e) {
                    LOG.warn("background commit of inode {} failed: {}", f.inodeId, e.toString());
                }
            }
        }
    }

    /** Publishes every file's pending writes (graceful shutdown). */
    public void commitAll() {
        for (OpenFile f : open.values()) {
            synchronized (f) {
                try {
                    publish(f);
                    close(f, false);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("commit of inode {} at shutdown failed: {}", f.inodeId, e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        commitAll(); // still hashes: the commits wait for their files' MD5
        hashers.shutdown();
        channels.close();
    }
}
