package io.strata.meta;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.strata.meta.ignite.Caches;
import io.strata.meta.ignite.EmbeddedGrid;
import io.strata.meta.ignite.Tx;
import io.strata.meta.ns.BlobLedger;
import io.strata.meta.ns.BucketCatalog;
import io.strata.meta.ns.DirectoryChanges;
import io.strata.meta.ns.DirectoryTable;
import io.strata.meta.ns.FileTree;
import io.strata.meta.ns.FileXattrs;
import io.strata.meta.ns.InodeIds;
import io.strata.meta.ns.InlineTable;
import io.strata.meta.ns.InodeTable;
import io.strata.meta.ns.KeyLister;
import io.strata.meta.ns.NanoClock;
import io.strata.meta.ns.ObjectCatalog;
import io.strata.meta.ns.UploadCatalog;
import io.strata.meta.ns.SettingsTable;
import io.strata.meta.ns.AccessTimes;
import io.strata.meta.ns.Relocations;
import io.strata.meta.ns.NamespaceWalk;
import org.apache.ignite.Ignite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespace: starts the embedded Ignite node and wires the catalogs over its caches. This is the only way the
 * rest of Strata reaches Ignite.
 */
public final class MetaStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetaStore.class);

    private final Ignite ignite;
    private final InodeIds ids;
    private final InodeTable inodes;
    private final DirectoryTable directories;
    private final BucketCatalog buckets;
    private final ObjectCatalog objects;
    private final KeyLister lister;
    private final FileTree files;
    private final FileXattrs xattrs;
    private final NanoClock clock;
    private final UploadCatalog uploads;
    private final BlobLedger ledger;
    private final InlineTable inline;
    private final Tx tx;
    private final SettingsTable settings;
    private final AccessTimes accessTimes;
    private final Relocations relocations;
    private final NamespaceWalk walk;

    private MetaStore(Ignite ignite, MetaConfig config, MeterRegistry registry) {
        this.ignite = ignite;
        Caches caches = new Caches(ignite);
        tx = new Tx(ignite, registry);
        clock = new NanoClock();
        ids = new InodeIds(ignite, caches.inodeIds);
        // Ids are handed out from the sequence's current value up: any inode from before this start is below it.
        accessTimes = new AccessTimes(caches.accessTimes, caches.inodeIds.get());
        // The embedded grid finds only this node (EmbeddedGrid), so it is the namespace's only writer.
        DirectoryChanges changes = DirectoryChanges.counted();
        inodes = new InodeTable(caches.inodes, accessTimes, changes);
        directories = new DirectoryTable(caches.dentries, caches.dirTimes, ids, inodes, config.nodeName(), true,
                changes);
        ledger = new BlobLedger(caches.ledger, config.nodeName());
        inline = new InlineTable(caches.inline);
        uploads = new UploadCatalog(caches.uploads, caches.parts, caches.uploadStamps, ledger, tx);
        buckets = new BucketCatalog(caches.buckets, inodes, directories, ids, clock, tx, uploads);
        objects = new ObjectCatalog(buckets, inodes, directories, ids, clock, ledger, inline, tx);
        uploads.bind(buckets, objects);
        lister = new KeyLister(buckets, objects, directories, inodes);
        files = new FileTree(inodes, directories, ids, clock, ledger, tx);
        xattrs = new FileXattrs(files, inodes, clock, tx);
        settings = new SettingsTable(caches.settings, tx);
        relocations = new Relocations(inodes, ledger, tx);
        walk = new NamespaceWalk(buckets, directories, inodes);
        buckets.ensureRoot();
    }

    /** Opens without metrics (a registry with nowhere to publish records nothing). */
    public static MetaStore open(MetaConfig config) {
        return open(config, new CompositeMeterRegistry());
    }

    /** Opens, reporting transaction latency and conflicts to {@code registry}. */
    public static MetaStore open(MetaConfig config, MeterRegistry registry) {
        Ignite ignite = EmbeddedGrid.start(config);
        try {
            MetaStore store = new MetaStore(ignite, config, registry);
            int abandoned = store.ledger.releaseAbandonedInflight();
            if (abandoned > 0) {
                LOG.info("{} data files were being written when the server stopped; they will be reclaimed", abandoned);
            }
            return store;
        } catch (RuntimeException e) {
            ignite.close();
            throw e;
        }
    }

    public BucketCatalog buckets() {
        return buckets;
    }

    public ObjectCatalog objects() {
        return objects;
    }

    /** The namespace's clock: every time it stamps on a change comes from here. */
    public NanoClock clock() {
        return clock;
    }

    /** The file view (NFS): inode-level operations on the same namespace. */
    public FileTree files() {
        return files;
    }

    /** Extended attributes over NFS, which are the objects' S3 user metadata. */
    public FileXattrs xattrs() {
        return xattrs;
    }

    public KeyLister lister() {
        return lister;
    }

    public UploadCatalog uploads() {
        return uploads;
    }

    /** How many namespace transactions had to be retried after a conflict since start. */
    public long transactionConflicts() {
        return tx.conflicts();
    }

    /** The transaction runner every namespace operation goes through (tests hold a batch with it). */
    public Tx transactions() {
        return tx;
    }

    public BlobLedger ledger() {
        return ledger;
    }

    public InlineTable inline() {
        return inline;
    }

    public InodeTable inodes() {
        return inodes;
    }

    public DirectoryTable directories() {
        return directories;
    }

    /** Volume specs and policy versions. */
    public SettingsTable settings() {
        return settings;
    }

    public AccessTimes accessTimes() {
        return accessTimes;
    }

    /** The tiering mover's one write to the namespace. */
    public Relocations relocations() {
        return relocations;
    }

    public NamespaceWalk walk() {
        return walk;
    }

    @Override
    public void close() {
        ids.close();
        tx.close();
        ignite.close();
    }
}
