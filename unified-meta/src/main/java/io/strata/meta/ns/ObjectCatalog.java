package io.strata.meta.ns;

import io.strata.meta.error.IsDirectoryException;
import io.strata.meta.error.NotFoundException;
import io.strata.meta.error.ParentIsFileException;
import io.strata.meta.ignite.Tx;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.Bucket;
import io.strata.meta.model.DirEntry;
import io.strata.meta.model.ExtentMaps;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.model.PosixAttrs;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

/**
 * Objects by key: the S3 view of the namespace. A key {@code a/b/c} is file {@code c} in directory {@code a/b};
 * publishing creates missing directories (implicit: they do not list as objects) and replacing an object keeps its
 * inode, so an NFS handle to it stays valid and sees the new bytes.
 */
public final class ObjectCatalog {
    private final BucketCatalog buckets;
    private final InodeTable inodes;
    private final DirectoryTable dirs;
    private final InodeIds ids;
    private final NanoClock clock;
    private final BlobLedger ledger;
    private final InlineTable inline;
    private final Tx tx;
    private final Unlinks unlinks;

    public ObjectCatalog(BucketCatalog buckets, InodeTable inodes, DirectoryTable dirs, InodeIds ids, NanoClock clock,
                         BlobLedger ledger, InlineTable inline, Tx tx) {
        this.buckets = buckets;
        this.inodes = inodes;
        this.dirs = dirs;
        this.ids = ids;
        this.clock = clock;
        this.ledger = ledger;
        this.inline = inline;
        this.tx = tx;
        this.unlinks = new Unlinks(inodes, dirs, ledger);
    }

    /** The object at the key (a file, or an explicit directory for a key ending in '/'), or NotFoundException. */
    public Inode find(String bucketName, ObjectKey key) {
        return find(buckets.require(bucketName), key);
    }

    /** As {@link #find(String, ObjectKey)}, in a bucket the caller has already looked up. */
    public Inode find(Bucket bucket, ObjectKey key) {
        DirEntry entry = resolve(bucket.rootInodeId(), key.segments());
        if (entry == null) {
            throw new NotFoundException(key.key());
        }
        Inode inode = inodes.require(entry.inodeId());
        boolean matches = key.directoryMarker() ? inode.isDirectory() && inode.object() != null : inode.isFile();
        if (!matches) {
            throw new NotFoundException(key.key());
        }
        return inode;
    }

    /** Publishes new content at the key in one transaction; the old content's blobs are released. */
    public Inode publish(String bucketName, ObjectKey key, NewContent content, WriteCondition condition) {
        return tx.run(() -> publishInTx(bucketName, key, content, condition));
    }

    /** {@link #publish} without waiting: see {@link Tx#submit}. */
    public CompletableFuture<Inode> submitPublish(String bucketName, ObjectKey key, NewContent content,
                                                  WriteCondition condition) {
        return tx.submit(() -> publishInTx(bucketName, key, content, condition));
    }

    /** As {@link #publish}, inside the caller's transaction (multipart completion adds its own changes). */
    Inode publishInTx(String bucketName, ObjectKey key, NewContent content, WriteCondition condition) {
        Bucket bucket = buckets.require(bucketName);
        long now = clock.now();
        long dirId = ensureDirectories(bucket, key.parentSegments(), now);
        DirEntry existing = dirs.lookup(dirId, key.name());
        Inode old = existing == null ? null : inodes.require(existing.inodeId());
        if (key.directoryMarker()) {
            return publishDirectoryMarker(bucket, dirId, key, old, content, condition, now);
        }
        if (old != null && old.isDirectory()) {
            throw new IsDirectoryException(key.key());
        }
        condition.check(old != null && old.isFile() ? old : null, key.key());
        content.inline().forEach(inline::putInTx);
        ledger.referenced(content.blobs());
        PosixMetadata.Split posix = PosixMetadata.split(content.attrs());
        if (old == null || !old.isFile()) {
            if (old != null) {
                unlinks.unlink(dirId, key.name(), old, now);
            }
            Inode created = new Inode(ids.next(), InodeType.FILE, ids.generation(), 0, 1, content.size(),
                    posix.applyTo(new PosixAttrs(bucket.defaultFileMode(), bucket.defaultUid(), bucket.defaultGid(),
                            1, now, now, now)),
                    posix.attrs(), content.extents(), null);
            inodes.put(created);
            dirs.link(dirId, key.name(), created.id(), InodeType.FILE, now);
            return created;
        }
        Inode withNewBytes = old.withContent(content.size(), content.extents(), posix.attrs(), old.version() + 1, now);
        Inode replaced = new Inode(withNewBytes.id(), withNewBytes.type(), withNewBytes.generation(), withNewBytes.parentId(),
                withNewBytes.version(), withNewBytes.size(), posix.applyTo(withNewBytes.posix()), withNewBytes.object(),
                withNewBytes.extents(), null);
        inodes.put(replaced);
        ledger.released(ExtentMaps.releasedBy(old.extents(), content.blobs()));
        dirs.touch(dirId, now);
        return replaced;
    }

    private Inode publishDirectoryMarker(Bucket bucket, long parentId, ObjectKey key, Inode old, NewContent content,
                                         WriteCondition condition, long now) {
        if (old != null && !old.isDirectory()) {
            throw new ParentIsFileException(key.key());
        }
        condition.check(old != null && old.object() != null ? old : null, key.key());
        if (old != null) {
            Inode explicit = old.withObject(content.attrs(), old.version() + 1, now);
            inodes.put(explicit);
            return explicit;
        }
        Inode dir = newDirectory(bucket, parentId, content.attrs(), now);
        dirs.link(parentId, key.name(), dir.id(), InodeType.DIRECTORY, now);
        return dir;
    }

    /** Deletes the object at the key; a missing key is not an error (S3 semantics). Returns true if one was removed. */
    public boolean delete(String bucketName, ObjectKey key, WriteCondition condition) {
        return tx.run(() -> {
            Bucket bucket = buckets.require(bucketName);
            long dirId = bucket.rootInodeId();
            long[] chain = new long[key.segments().size()];
            for (int i = 0; i < key.segments().size() - 1; i++) {
                DirEntry e = dirs.lookup(dirId, key.segments().get(i));
                if (e == null || e.type() != InodeType.DIRECTORY) {
                    condition.check(null, key.key());
                    return false;
                }
                chain[i] = dirId;
                dirId = e.inodeId();
            }
            chain[chain.length - 1] = dirId;
            // Read every directory's stamp before this transaction writes any: two deletes that each empty a
            // directory of "the other" key then conflict at commit, and the retry sees the directory empty.
            for (long d : chain) {
                dirs.stamp(d);
            }
            DirEntry entry = dirs.lookup(dirId, key.name());
            Inode inode = entry == null ? null : inodes.require(entry.inodeId());
            boolean wanted = inode != null && (key.directoryMarker()
                    ? inode.isDirectory() && inode.object() != null : inode.isFile());
            condition.check(wanted ? inode : null, key.key());
            if (!wanted) {
                return false;
            }
            long now = clock.now();
            if (inode.isDirectory()) {
                dirs.stamp(inode.id());
                if (!dirs.isEmptyExcept(inode.id(), null)) {
                    // Objects remain below "dir/": the marker goes, the directory stays as an implicit prefix.
                    inodes.put(inode.withObject(null, inode.version() + 1, now));
                    return true;
                }
                dirs.unlink(dirId, key.name(), InodeType.DIRECTORY, now);
                dirs.drop(inode.id());
            } else {
                unlinks.unlink(dirId, key.name(), inode, now);
            }
            removeEmptyImplicitParents(bucket, key, chain, now);
            return true;
        });
    }

    /** Replaces the object's tags (the object's ETag and bytes do not change). */
    public Inode setTags(String bucketName, ObjectKey key, Map<String, String> tags) {
        return tx.run(() -> {
            Inode inode = find(bucketName, key);
            ObjectAttrs attrs = inode.object() == null ? ObjectAttrs.ofEtag(null) : inode.object();
            Inode updated = inode.withObject(attrs.withTags(tags), inode.version() + 1, clock.now());
            inodes.put(updated);
            return updated;
        });
    }

    /** Walks the path; null when an entry is missing or a middle component is not a directory. */
    DirEntry resolve(long rootId, List<String> segments) {
        long dirId = rootId;
        DirEntry entry = null;
        for (int i = 0; i < segments.size(); i++) {
            entry = dirs.lookup(dirId, segments.get(i));
            if (entry == null || (i < segments.size() - 1 && entry.type() != InodeType.DIRECTORY)) {
                return null;
            }
            dirId = entry.inodeId();
        }
        return entry;
    }

    /** Resolves a directory path; -1 if it does not exist as a directory. */
    public long resolveDirectory(Bucket bucket, List<String> segments) {
        if (segments.isEmpty()) {
            return bucket.rootInodeId();
        }
        DirEntry e = resolve(bucket.rootInodeId(), segments);
        return e != null && e.type() == InodeType.DIRECTORY ? e.inodeId() : -1;
    }

    private long ensureDirectories(Bucket bucket, List<String> segments, long now) {
        long dirId = bucket.rootInodeId();
        for (String segment : segments) {
            DirEntry e = dirs.lookup(dirId, segment);
            if (e == null) {
                Inode dir = newDirectory(bucket, dirId, null, now);
                dirs.link(dirId, segment, dir.id(), InodeType.DIRECTORY, now);
                dirId = dir.id();
            } else if (e.type() != InodeType.DIRECTORY) {
                throw new ParentIsFileException(segment);
            } else {
                dirId = e.inodeId();
            }
        }
        return dirId;
    }

    private Inode newDirectory(Bucket bucket, long parentId, ObjectAttrs attrs, long now) {
        Inode dir = new Inode(ids.next(), InodeType.DIRECTORY, ids.generation(), parentId, 1, 0,
                new PosixAttrs(bucket.defaultDirMode(), bucket.defaultUid(), bucket.defaultGid(), 2, now, now, now),
                attrs, List.of(), null);
        inodes.put(dir);
        dirs.createdEmpty(dir.id());
        return dir;
    }

    /**
     * S3 has no empty prefixes: implicit directories left empty by a delete go too, up to the bucket root. The
     * caller has read the stamps of {@code chain}, so a concurrent change in any of them makes this retry.
     */
    private void removeEmptyImplicitParents(Bucket bucket, ObjectKey key, long[] chain, long now) {
        String removedName = key.name();
        for (int i = chain.length - 1; i >= 1; i--) {
            long dirId = chain[i];
            if (dirs.knownNotEmpty(dirId)) {
                return;
            }
            Inode dir = inodes.get(dirId);
            if (dir == null || dir.object() != null || !dirs.isEmptyExcept(dirId, removedName)) {
                return;
            }
            String name = key.segments().get(i - 1);
            dirs.unlink(chain[i - 1], name, InodeType.DIRECTORY, now);
            dirs.drop(dirId);
            removedName = name;
        }
    }
}
