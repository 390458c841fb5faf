package io.strata.tiering.store;

import io.strata.meta.MetaStore;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Bucket;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.ns.NewContent;
import io.strata.meta.ns.WriteCondition;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.checksum.ContentHashes;
import io.strata.tiering.data.DurableBlob;
import io.strata.tiering.data.NewBlob;
import io.strata.tiering.data.ReadLeases;
import io.strata.tiering.data.ReadSegment;
import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.InlineVolume;
import io.strata.tiering.volume.VolumeRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.placement.StorageClasses;
import io.strata.tiering.access.AccessTracker;
import io.strata.tiering.data.SegmentTransfer;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The core API for object-shaped access (what the S3 front end translates to): writes stream into new blobs and
 * are published in one metadata transaction; reads open the files behind an inode's extents.
 */
public final class ObjectStore {
    private static final int OPEN_ATTEMPTS = 3;

    /** Objects up to this size are stored inline in the namespace by default (MinIO inlines up to 128 KiB). */
    public static final int DEFAULT_INLINE_MAX = 64 * 1024;

    private final MetaStore meta;
    private final VolumeRegistry volumes;
    private final ReadLeases leases;
    private final int inlineMax;

    /** Like relatime: one recorded read per file per this long is enough for ages counted in hours and days. */
    private static final Duration ACCESS_GRANULARITY = Duration.ofMinutes(1);
    private static final Duration ACCESS_FLUSH = Duration.ofSeconds(5);

    private final AccessTracker access;

    public ObjectStore(MetaStore meta, VolumeRegistry volumes, ReadLeases leases) {
        this(meta, volumes, leases, DEFAULT_INLINE_MAX);
    }

    /** @param inlineMax objects up to this many bytes are kept in the namespace, not in a data file (0: never) */
    public ObjectStore(MetaStore meta, VolumeRegistry volumes, ReadLeases leases, int inlineMax) {
        this.meta = meta;
        this.volumes = volumes;
        this.leases = leases;
        this.inlineMax = inlineMax;
        volumes.addIfAbsent(new InlineVolume(meta.inline()));
        this.access = new AccessTracker(meta.accessTimes(), ACCESS_GRANULARITY, ACCESS_FLUSH);
    }

    /** Reads of files, for policies on access age and for recall on access. */
    public AccessTracker access() {
        return access;
    }

    /** Objects up to this size may be published with {@link #publishInline}. */
    public int inlineMax() {
        return inlineMax;
    }

    public MetaStore meta() {
        return meta;
    }

    /** Starts streaming a new blob for an object or part in {@code bucket} (which must exist). */
    public NewBlob startWrite(String bucket, Set<ChecksumAlgorithm> checksums) throws IOException {
        meta.buckets().require(bucket);
        return NewBlob.start(volumes.writeTarget(), meta.ledger(), checksums);
    }

    /**
     * Publishes a durable blob at the key. The ETag is the content's MD5; the stored checksums are those computed.
     * If publishing fails, the blob is released for reclaim and the error propagates.
     */
    public Inode publish(String bucket, ObjectKey key, DurableBlob blob, ObjectAttrs attrs, WriteCondition condition) {
        ObjectAttrs full = withHashes(attrs, blob.hashes());
        List<Extent> extents = blob.size() == 0 ? List.of() : List.of(new Extent(0, blob.size(), blob.ref(), 0));
        if (extents.isEmpty()) {
            // An empty object needs no data file: the one written is released now, or it would linger INFLIGHT.
            meta.ledger().released(Set.of(blob.ref()));
        }
        try {
            return meta.objects().publish(bucket, key, new NewContent(blob.size(), extents, full), condition);
        } catch (RuntimeException e) {
            if (!extents.isEmpty()) {
                meta.ledger().released(Set.of(blob.ref()));
            }
            throw e;
        }
    }

    /**
     * Publishes a small object whose bytes the publishing transaction stores in the namespace: no data file, no
     * fsync, one transaction (durable through the metadata WAL).
     */
    public Inode publishInline(String bucket, ObjectKey key, byte[] data, ContentHashes.Result hashes, ObjectAttrs attrs,
                               WriteCondition condition) {
        return meta.objects().publish(bucket, key, inlineContent(data, hashes, attrs), condition);
    }

    /**
     * {@link #publishInline} without waiting: the future completes in the thread that commits it (see the
     * namespace's {@code Tx.submit}).
     */
    public CompletableFuture<Inode> submitPublishInline(String bucket, ObjectKey key, byte[] data,
                                                        ContentHashes.Result hashes, ObjectAttrs attrs,
                                                        WriteCondition condition) {
        return meta.objects().submitPublish(bucket, key, inlineContent(data, hashes, attrs), condition);
    }

    private NewContent inlineContent(byte[] data, ContentHashes.Result hashes, ObjectAttrs attrs) {
        if (data.length > inlineMax) {
            throw new IllegalArgumentException(data.length + " bytes is over the inline limit of " + inlineMax);
        }
        ObjectAttrs full = withHashes(attrs, hashes);
        if (data.length == 0) {
            return new NewContent(0, List.of(), full);
        }
        BlobRef ref = new BlobRef(BlobRef.INLINE_VOLUME, UUID.randomUUID().toString().replace("-", ""));
        return new NewContent(data.length, List.of(new Extent(0, data.length, ref, 0)), full,
                Map.of(ref.blobId(), data));
    }

    private static ObjectAttrs withHashes(ObjectAttrs attrs, ContentHashes.Result hashes) {
        Map<String, String> sums = new HashMap<>();
        hashes.checksums().forEach((a, v) -> sums.put(a.name(), v));
        return new ObjectAttrs(hashes.md5Hex(), attrs.headers(), attrs.userMetadata(), attrs.tags(),
                sums, sums.isEmpty() ? null : "FULL_OBJECT", List.of());
    }

    /**
     * Opens the object at the key. {@code plan} sees the inode (to check conditions and resolve a range) and
     * returns the bytes to read, or null for none. Retries if a concurrent replace reclaimed a file meanwhile.
     */
    public OpenObject open(String bucketName, ObjectKey key, Function<Inode, ByteRange> plan) throws IOException {
        Bucket bucket = meta.buckets().require(bucketName);
        for (int attempt = 1; ; attempt++) {
            Inode inode = meta.objects().find(bucket, key);
            ByteRange range = plan.apply(inode);
            if (range == null) {
                return new OpenObject(bucket, inode, null, List.of());
            }
            try {
                OpenObject opened = new OpenObject(bucket, inode, range, segments(inode, range));
                if (inode.isFile()) {
                    access.touched(inode.id());
                }
                return opened;
            } catch (NoSuchFileException e) {
                if (attempt >= OPEN_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** What S3 shows as {@code x-amz-storage-class} for the inode: see {@link StorageClasses}. */
    public String storageClass(Inode inode) {
        return StorageClasses.of(inode, volumes);
    }

    /** The files behind {@code range} of the inode, opened; holes between extents read as zeros. */
    public List<ReadSegment> segments(Inode inode, ByteRange range) throws IOException {
        List<ReadSegment> out = new ArrayList<>();
        long pos = range.first();
        long end = range.last() + 1;
        try {
            for (Extent e : inode.extents()) {
                if (e.end() <= pos || pos >= end) {
                    continue;
                }
                if (e.offset() > pos) {
                    long hole = Math.min(e.offset(), end) - pos;
                    out.add(new ReadSegment.Zeros(hole));
                    pos += hole;
                    if (pos >= end) {
                        break;
                    }
                }
                long len = Math.min(e.end(), end) - pos;
                long from = e.blobOffset() + (pos - e.offset());
                out.add(e.blob().isInline() ? inlineBytes(e.blob(), from, len) : blobBytes(e.blob(), from, len));
                if (out.get(out.size() - 1) instanceof ReadSegment.Stream) {
                    access.coldRead(inode.id());
                }
                pos += len;
            }
            if (pos < end) {
                out.add(new ReadSegment.Zeros(end - pos));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            OpenObject.closeAll(out);
            throw e;
        }
    }

    private ReadSegment inlineBytes(BlobRef blob, long from, long len) throws IOException {
        byte[] bytes = meta.inline().get(blob.blobId());
        if (bytes == null) {
            throw new NoSuchFileException("inline:" + blob.blobId());
        }
        return new ReadSegment.Bytes(ByteBuffer.wrap(bytes, (int) from, (int) len).slice());
    }

    private ReadSegment blobBytes(BlobRef blob, long from, long len) throws IOException {
        Volume volume = volumes.require(blob.volumeId());
        leases.acquire(blob);
        if (!volume.isLocal()) {
            // The lease lasts as long as the stream: a cloud blob has no open-file semantics to outlive a delete.
            try {
                InputStream in = volume.openStream(blob.blobId(), from, len);
                AtomicBoolean released = new AtomicBoolean();
                return new ReadSegment.Stream(in, len, () -> {
                    if (released.compareAndSet(false, true)) {
                        leases.release(blob);
                    }
                });
            } catch (IOException | RuntimeException e) {
                leases.release(blob);
                throw e;
            }
        }
        try (BlobReader reader = volume.open(blob.blobId())) {
            FileChannel ch = reader.takeChannel();
            if (ch == null) {
                throw new IOException("volume " + blob.volumeId() + " gave no local file");
            }
            return new ReadSegment.FileBytes(ch, from, len);
        } finally {
            leases.release(blob);
        }
    }

    /** Copies {@code range} of an open object into a new blob (CopyObject, UploadPartCopy): bytes are copied. */
    public DurableBlob copy(String targetBucket, OpenObject source, Set<ChecksumAlgorithm> checksums) throws IOException {
        NewBlob blob = startWrite(targetBucket, checksums);
        try {
            transfer(source, blob::write);
            return blob.finish();
        } catch (IOException | RuntimeException e) {
            blob.abort();
            throw e;
        }
    }

    /** Copies an open object to a new object: inline when it is small enough, else into a new data file. */
    public Inode copyTo(String bucket, ObjectKey key, OpenObject source, ObjectAttrs attrs, WriteCondition condition)
            throws IOException {
        long size = source.range() == null ? 0 : source.range().length();
        if (size > inlineMax) {
            return publish(bucket, key, copy(bucket, source, Set.of()), attrs, condition);
        }
        ByteBuffer data = ByteBuffer.allocate((int) size);
        ContentHashes hashes = new ContentHashes(Set.of());
        transfer(source, chunk -> {
            hashes.update(chunk.duplicate());
            data.put(chunk);
        });
        return publishInline(bucket, key, data.array(), hashes.finish(), attrs, condition);
    }

    /** Hands the open object's bytes to {@code sink} in order, a buffer at a time. */
    private static void transfer(OpenObject source, SegmentTransfer.ChunkSink sink) throws IOException {
        try {
            SegmentTransfer.transfer(source.segments(), sink);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("copy interrupted");
        }
    }
}
