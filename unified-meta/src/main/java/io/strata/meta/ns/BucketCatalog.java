package io.strata.meta.ns;

import io.strata.meta.codec.BucketCodec;
import io.strata.meta.error.BucketExistsException;
import io.strata.meta.error.BucketNotEmptyException;
import io.strata.meta.error.NoSuchBucketException;
import io.strata.meta.ignite.Tx;
import io.strata.meta.key.BucketNames;
import io.strata.meta.model.Bucket;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.meta.model.PosixAttrs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.cache.Cache;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

/**
 * Buckets: each is a directory entry in the namespace root (inode {@link #ROOT_ID}) plus a record of its
 * creation time and the POSIX defaults for what S3 creates in it.
 */
public final class BucketCatalog {
    /** The namespace root: its entries are the buckets. */
    public static final long ROOT_ID = 1;

    /** Whether the directory is the namespace root or a bucket's root: neither is an S3 object. */
    public static boolean isRootOrBucketRoot(Inode dir) {
        return dir.id() == ROOT_ID || dir.parentId() == ROOT_ID;
    }

    private final IgniteCache<String, byte[]> cache;
    private final InodeTable inodes;
    private final DirectoryTable dirs;
    private final InodeIds ids;
    private final NanoClock clock;
    private final Tx tx;
    private final UploadCatalog uploads;

    public BucketCatalog(IgniteCache<String, byte[]> cache, InodeTable inodes, DirectoryTable dirs, InodeIds ids,
                         NanoClock clock, Tx tx, UploadCatalog uploads) {
        this.cache = cache;
        this.inodes = inodes;
        this.dirs = dirs;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
        this.uploads = uploads;
    }

    /** Creates the namespace root on first start. */
    public void ensureRoot() {
        tx.runVoid(() -> {
            if (inodes.get(ROOT_ID) == null) {
                long now = clock.now();
                inodes.put(new Inode(ROOT_ID, InodeType.DIRECTORY, 1, ROOT_ID, 1, 0,
                        new PosixAttrs(0755, 0, 0, 2, now, now, now), null, List.of(), null));
            }
        });
    }

    public Bucket create(String name, BucketDefaults defaults) {
        return tx.run(newBucketBody(name, defaults));
    }

    /** {@link #create} without waiting: see {@link Tx#submit}. An invalid name throws at once. */
    public CompletableFuture<Bucket> submitCreate(String name, BucketDefaults defaults) {
        return tx.submit(newBucketBody(name, defaults));
    }

    /** Checks the name and takes the root's id outside the transaction, so a retry keeps them; then its body. */
    private Supplier<Bucket> newBucketBody(String name, BucketDefaults defaults) {
        BucketNames.check(name);
        long rootId = ids.next();
        int generation = ids.generation();
        return () -> newBucket(name, defaults, rootId, generation);
    }

    private Bucket newBucket(String name, BucketDefaults defaults, long rootId, int generation) {
        if (cache.get(name) != null) {
            throw new BucketExistsException(name);
        }
        long now = clock.now();
        Bucket bucket = new Bucket(name, rootId, now / 1_000_000, defaults.uid(), defaults.gid(),
                defaults.fileMode(), defaults.dirMode());
        inodes.put(new Inode(rootId, InodeType.DIRECTORY, generation, ROOT_ID, 1, 0,
                new PosixAttrs(defaults.dirMode(), defaults.uid(), defaults.gid(), 2, now, now, now),
                null, List.of(), null));
        dirs.createdEmpty(rootId);
        dirs.link(ROOT_ID, name, rootId, InodeType.DIRECTORY, now);
        cache.put(name, BucketCodec.encode(bucket));
        return bucket;
    }

    /** The bucket, or null. Joins the caller's transaction when there is one. */
    public Bucket find(String name) {
        byte[] b = cache.get(name);
        return b == null ? null : BucketCodec.decode(b);
    }

    public Bucket require(String name) {
        Bucket b = find(name);
        if (b == null) {
            throw new NoSuchBucketException(name);
        }
        return b;
    }

    /** All buckets, by name. */
    public List<Bucket> list() {
        List<Bucket> out = new ArrayList<>();
        Tx.beforeQuery(); // a query sees no uncommitted write: see GroupCommit
        try (QueryCursor<Cache.Entry<String, byte[]>> c = cache.query(new ScanQuery<String, byte[]>())) {
            c.forEach(e -> out.add(BucketCodec.decode(e.getValue())));
        }
        out.sort(Comparator.comparing(Bucket::name));
        return out;
    }

    public void delete(String name) {
        tx.runVoid(() -> dropBucket(name));
    }

    /** {@link #delete} without waiting: see {@link Tx#submit}. */
    public CompletableFuture<Void> submitDelete(String name) {
        return tx.submitVoid(() -> dropBucket(name));
    }

    private void dropBucket(String name) {
        Bucket bucket = require(name);
        dirs.stamp(bucket.rootInodeId());
        if (!dirs.isEmptyExcept(bucket.rootInodeId(), null) || uploads.anyInBucket(name)) {
            throw new BucketNotEmptyException(name);
        }
        long now = clock.now();
        dirs.unlink(ROOT_ID, name, InodeType.DIRECTORY, now);
        dirs.drop(bucket.rootInodeId());
        cache.remove(name);
    }

    /** Owner and modes given to what S3 creates in a bucket. */
    public record BucketDefaults(int uid, int gid, int fileMode, int dirMode) {
        public static final BucketDefaults STANDARD = new BucketDefaults(0, 0, 0644, 0755);
    }
}
