package io.strata.meta.ns;

import io.strata.meta.codec.UploadCodec;
import io.strata.meta.error.NoSuchUploadException;
import io.strata.meta.ignite.PartKey;
import io.strata.meta.ignite.PartRow;
import io.strata.meta.ignite.Tx;
import io.strata.meta.ignite.UploadRow;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.key.Utf8Order;
import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Inode;
import io.strata.meta.model.Part;
import io.strata.meta.model.Upload;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.cache.Cache;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.IndexQuery;
import org.apache.ignite.cache.query.QueryCursor;

import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.eq;
import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.gt;
import static org.apache.ignite.cache.query.IndexQueryCriteriaBuilder.gte;

/**
 * Multipart uploads. Parts are blobs of their own; completing an upload publishes an object whose extents point at
 * the chosen parts' blobs, in one transaction that also drops the upload, so no byte is copied on completion.
 */
public final class UploadCatalog {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IgniteCache<String, UploadRow> uploads;
    private final IgniteCache<PartKey, PartRow> parts;
    private final IgniteCache<String, Long> stamps;
    private final BlobLedger ledger;
    private final Tx tx;
    private ObjectCatalog objects;
    private BucketCatalog buckets;

    public UploadCatalog(IgniteCache<String, UploadRow> uploads, IgniteCache<PartKey, PartRow> parts,
                         IgniteCache<String, Long> stamps, BlobLedger ledger, Tx tx) {
        this.uploads = uploads;
        this.parts = parts;
        this.stamps = stamps;
        this.ledger = ledger;
        this.tx = tx;
    }

    /** Buckets and objects are built after uploads (buckets ask uploads whether a bucket is empty). */
    public void bind(BucketCatalog bucketCatalog, ObjectCatalog objectCatalog) {
        this.buckets = bucketCatalog;
        this.objects = objectCatalog;
    }

    public Upload create(String bucket, ObjectKey key, io.strata.meta.model.ObjectAttrs attrs, String checksumAlgorithm) {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String uploadId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Upload upload = new Upload(uploadId, bucket, key.key(), System.currentTimeMillis(), attrs, checksumAlgorithm);
        tx.runVoid(() -> {
            buckets.require(bucket);
            uploads.put(uploadId, new UploadRow(bucket, Utf8Order.sortable(key.key()), upload.initiatedMillis(),
                    UploadCodec.encode(upload)));
        });
        return upload;
    }

    public Upload require(String bucket, String uploadId) {
        UploadRow row = uploads.get(uploadId);
        if (row == null || !row.bucket().equals(bucket)) {
            throw new NoSuchUploadException(uploadId);
        }
        return UploadCodec.decode(row.payload());
    }

    /** Records a part (replacing one of the same number, whose blob is released). */
    public void putPart(String bucket, String uploadId, Part part) {
        tx.runVoid(() -> {
            require(bucket, uploadId);
            PartKey key = new PartKey(uploadId, part.partNumber());
            PartRow old = parts.get(key);
            if (old != null) {
                ledger.released(Set.of(UploadCodec.decodePart(old.payload()).blob()));
            }
            ledger.referenced(Set.of(part.blob()));
            parts.put(key, new PartRow(uploadId, part.partNumber(), UploadCodec.encode(part)));
            stamps.put(uploadId, System.nanoTime());
        });
    }

    /** Parts in part-number order after {@code afterPart}, at most {@code limit}. */
    public List<Part> parts(String uploadId, int afterPart, int limit) {
        IndexQuery<PartKey, PartRow> q = new IndexQuery<PartKey, PartRow>(PartRow.class, PartRow.INDEX)
                .setCriteria(eq("uploadId", uploadId), gt("partNumber", afterPart));
        q.setPageSize(Math.min(Math.max(limit, 1), 1000));
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        return collect(parts.query(q), limit, e -> UploadCodec.decodePart(e.getValue().payload()));
    }

    /** Uploads of a bucket in (key, initiation) order, starting after the marker, at most {@code limit}. */
    public List<Upload> list(String bucket, String prefix, String keyMarker, String uploadIdMarker, int limit) {
        String from = Utf8Order.sortable(keyMarker != null && keyMarker.compareTo(prefix) > 0 ? keyMarker : prefix);
        IndexQuery<String, UploadRow> q = new IndexQuery<String, UploadRow>(UploadRow.class, UploadRow.INDEX)
                .setCriteria(eq("bucket", bucket), gte("sortKey", from));
        q.setPageSize(Math.min(Math.max(limit, 1), 1000));
        String sPrefix = Utf8Order.sortable(prefix);
        String sMarker = keyMarker == null ? null : Utf8Order.sortable(keyMarker);
        List<Upload> out = new ArrayList<>();
        boolean[] passedMarker = {uploadIdMarker == null};
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        try (QueryCursor<Cache.Entry<String, UploadRow>> cursor = uploads.query(q)) {
            for (Cache.Entry<String, UploadRow> e : cursor) {
                UploadRow row = e.getValue();
                if (!row.sortKey().startsWith(sPrefix)) {
                    break;
                }
                if (sMarker != null && row.sortKey().equals(sMarker)) {
                    // Same key as the marker: resume after the upload id marker (or skip the key without one).
                    if (!passedMarker[0]) {
                        passedMarker[0] = e.getKey().equals(uploadIdMarker);
                        continue;
                    }
                    if (uploadIdMarker == null) {
                        continue;
                    }
                }
                out.add(UploadCodec.decode(row.payload()));
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    boolean anyInBucket(String bucket) {
        return !list(bucket, "", null, null, 1).isEmpty();
    }

    /**
     * Publishes the upload as an object built from the chosen parts, drops the upload and releases the parts not
     * chosen, in one transaction. {@code build} turns the upload and its stored parts into the content to publish
     * (it validates the client's part list and throws if it is wrong).
     */
    public Inode complete(String bucket, String uploadId, Function<CompletionInput, NewContent> build) {
        return tx.run(() -> {
            Upload upload = require(bucket, uploadId);
            stamps.get(uploadId);
            List<Part> stored = parts(uploadId, 0, 10_001);
            NewContent content = build.apply(new CompletionInput(upload, stored));
            Inode inode = objects.publishInTx(bucket, ObjectKey.parse(upload.key()), content, WriteCondition.NONE);
            Set<BlobRef> used = content.blobs();
            Set<BlobRef> unused = new HashSet<>();
            for (Part p : stored) {
                if (!used.contains(p.blob())) {
                    unused.add(p.blob());
                }
                parts.remove(new PartKey(uploadId, p.partNumber()));
            }
            ledger.released(unused);
            uploads.remove(uploadId);
            stamps.remove(uploadId);
            return inode;
        });
    }

    public void abort(String bucket, String uploadId) {
        tx.runVoid(() -> {
            require(bucket, uploadId);
            stamps.get(uploadId);
            Set<BlobRef> blobs = new HashSet<>();
            for (Part p : parts(uploadId, 0, 10_001)) {
                blobs.add(p.blob());
                parts.remove(new PartKey(uploadId, p.partNumber()));
            }
            ledger.released(blobs);
            uploads.remove(uploadId);
            stamps.remove(uploadId);
        });
    }

    /** What a completion sees: the upload and its parts as stored, in part order. */
    public record CompletionInput(Upload upload, List<Part> parts) {
    }

    private static <K, V, T> List<T> collect(QueryCursor<Cache.Entry<K, V>> cursor, int limit,
                                             Function<Cache.Entry<K, V>, T> map) {
        List<T> out = new ArrayList<>();
        try (cursor) {
            for (Cache.Entry<K, V> e : cursor) {
                out.add(map.apply(e));
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }
}
