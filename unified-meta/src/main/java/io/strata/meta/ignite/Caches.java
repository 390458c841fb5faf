package io.strata.meta.ignite;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteAtomicSequence;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * The namespace's caches. All are TRANSACTIONAL so one namespace operation is one transaction across them.
 * <ul>
 *   <li>inodes: inode id to encoded {@link io.strata.meta.model.Inode}</li>
 *   <li>dentries: (directory id, name) to child, with a sorted index for listings</li>
 *   <li>dirTimes: directory id to its latest mtime; written blindly by creates and removes so that concurrent
 *       writers in one directory do not conflict on the directory's inode</li>
 *   <li>buckets: bucket name to encoded {@link io.strata.meta.model.Bucket}</li>
 *   <li>uploads, parts: multipart uploads in progress; uploadStamps: written blindly by each part upload and
 *       read by completion and abort, so a part that lands meanwhile makes them retry instead of leaking</li>
 *   <li>ledger: blobs being written or released, so no crash leaks a data file</li>
 *   <li>inline: the bytes of small objects, kept in the namespace instead of a data file; written in the
 *       transaction that publishes them</li>
 * </ul>
 */
public final class Caches {
    public final IgniteCache<Long, byte[]> inodes;
    public final IgniteCache<DentryKey, DentryRow> dentries;
    public final IgniteCache<Long, Long> dirTimes;
    public final IgniteCache<String, byte[]> buckets;
    public final IgniteCache<String, UploadRow> uploads;
    public final IgniteCache<PartKey, PartRow> parts;
    public final IgniteCache<String, Long> uploadStamps;
    public final IgniteCache<String, byte[]> ledger;
    public final IgniteCache<String, byte[]> inline;
    public final IgniteCache<String, String> settings;
    public final IgniteCache<Long, Long> accessTimes;
    public final IgniteAtomicSequence inodeIds;

    /**
     * Partitions per cache. Each is a page-store file created on first write, inside the committing transaction;
     * Ignite's default of 1024 made a fresh server create thousands of files under load. 64 keeps a few nodes
     * balanced; the count is fixed once a cache holds data.
     */
    static final int PARTITIONS = 64;

    /** Inode ids below this are reserved; 1 is the namespace root. */
    public static final long FIRST_INODE_ID = 1000;

    public Caches(Ignite ignite) {
        inodes = ignite.getOrCreateCache(config("strata-inodes"));
        dentries = ignite.getOrCreateCache(config("strata-dentries", DentryKey.class, DentryRow.class));
        dirTimes = ignite.getOrCreateCache(config("strata-dir-times"));
        buckets = ignite.getOrCreateCache(config("strata-buckets"));
        uploads = ignite.getOrCreateCache(config("strata-uploads", String.class, UploadRow.class));
        parts = ignite.getOrCreateCache(config("strata-parts", PartKey.class, PartRow.class));
        uploadStamps = ignite.getOrCreateCache(config("strata-upload-stamps"));
        ledger = ignite.getOrCreateCache(config("strata-ledger"));
        inline = ignite.getOrCreateCache(config("strata-inline"));
        settings = ignite.getOrCreateCache(config("strata-settings"));
        // Atomic, not transactional: read tracking must never take part in (or conflict with) namespace changes.
        accessTimes = ignite.getOrCreateCache(Caches.<Long, Long>config("strata-access-times")
                .setAtomicityMode(CacheAtomicityMode.ATOMIC)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.PRIMARY_SYNC));
        inodeIds = ignite.atomicSequence("strata-inode-ids", FIRST_INODE_ID, true);
    }

    private static <K, V> CacheConfiguration<K, V> config(String name, Class<?>... indexedTypes) {
        CacheConfiguration<K, V> c = new CacheConfiguration<K, V>(name)
                .setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setBackups(0)
                .setAffinity(new RendezvousAffinityFunction(false, PARTITIONS))
                // Nothing listens to cache events; recording them costs every transaction.
                .setEventsDisabled(true)
                // Values are immutable byte arrays or rows we never mutate after reading.
                .setCopyOnRead(false);
        if (indexedTypes.length > 0) {
            c.setIndexedTypes(indexedTypes);
        }
        return c;
    }
}
