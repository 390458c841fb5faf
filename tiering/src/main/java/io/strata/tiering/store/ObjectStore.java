package io.strata.tiering.store;

import io.strata.meta.MetaStore;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.ns.NewContent;
import io.strata.meta.ns.WriteCondition;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.data.DurableBlob;
import io.strata.tiering.data.NewBlob;
import io.strata.tiering.data.ReadLeases;
import io.strata.tiering.data.ReadSegment;
import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.VolumeRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The core API for object-shaped access (what the S3 front end translates to): writes stream into new blobs and
 * are published in one metadata transaction; reads open the files behind an inode's extents.
 */
public final class ObjectStore {
    private static final int OPEN_ATTEMPTS = 3;

    private final MetaStore meta;
    private final VolumeRegistry volumes;
    private final ReadLeases leases;

    public ObjectStore(MetaStore meta, VolumeRegistry volumes, ReadLeases leases) {
        this.meta = meta;
        this.volumes = volumes;
        this.leases = leases;
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
        Map<String, String> sums = new HashMap<>();
        blob.hashes().checksums().forEach((a, v) -> sums.put(a.name(), v));
        ObjectAttrs full = new ObjectAttrs(blob.hashes().md5Hex(), attrs.headers(), attrs.userMetadata(), attrs.tags(),
                sums, sums.isEmpty() ? null : "FULL_OBJECT", List.of());
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
     * Opens the object at the key. {@code plan} sees the inode (to check conditions and resolve a range) and
     * returns the bytes to read, or null for none. Retries if a concurrent replace reclaimed a file meanwhile.
     */
    public OpenObject open(String bucket, ObjectKey key, Function<Inode, ByteRange> plan) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Inode inode = meta.objects().find(bucket, key);
            ByteRange range = plan.apply(inode);
            if (range == null) {
                return new OpenObject(inode, null, List.of());
            }
            try {
                return new OpenObject(inode, range, segments(inode, range));
            } catch (NoSuchFileException e) {
                if (attempt >= OPEN_ATTEMPTS) {
                    throw e;
                }
            }
        }
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
                out.add(new ReadSegment.FileBytes(openChannel(e.blob()), e.blobOffset() + (pos - e.offset()), len));
                pos += len;
            }
            if (pos < end) {
                out.add(new ReadSegment.Zeros(end - pos));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            new OpenObject(inode, range, out).close();
            throw e;
        }
    }

    private FileChannel openChannel(BlobRef blob) throws IOException {
        leases.acquire(blob);
        try (BlobReader reader = volumes.require(blob.volumeId()).open(blob.blobId())) {
            FileChannel ch = reader.takeChannel();
            if (ch == null) {
                throw new IOException("volume " + blob.volumeId() + " is not local; remote reads come with tiering");
            }
            return ch;
        } finally {
            leases.release(blob);
        }
    }

    /** Copies {@code range} of an open object into a new blob (CopyObject, UploadPartCopy): bytes are copied. */
    public DurableBlob copy(String targetBucket, OpenObject source, Set<ChecksumAlgorithm> checksums) throws IOException {
        NewBlob blob = startWrite(targetBucket, checksums);
        try {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            for (ReadSegment s : source.segments()) {
                long done = 0;
                while (done < s.length()) {
                    buf.clear();
                    buf.limit((int) Math.min(buf.capacity(), s.length() - done));
                    if (s instanceof ReadSegment.FileBytes f) {
                        int n = f.channel().read(buf, f.position() + done);
                        if (n < 0) {
                            throw new IOException("data file shorter than its extent");
                        }
                    } else {
                        while (buf.hasRemaining()) {
                            buf.put((byte) 0);
                        }
                    }
                    buf.flip();
                    done += buf.remaining();
                    blob.write(buf);
                }
            }
            return blob.finish();
        } catch (IOException | RuntimeException e) {
            blob.abort();
            throw e;
        }
    }
}
