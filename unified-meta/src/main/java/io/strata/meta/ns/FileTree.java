package io.strata.meta.ns;

import io.strata.meta.error.DirectoryNotEmptyException;
import io.strata.meta.error.ExistsException;
import io.strata.meta.error.GuardMismatchException;
import io.strata.meta.error.InvalidMoveException;
import io.strata.meta.error.IsDirectoryException;
import io.strata.meta.error.NotDirectoryException;
import io.strata.meta.error.NotFoundException;
import io.strata.meta.error.StaleInodeException;
import io.strata.meta.model.BlobRef;
import io.strata.meta.model.ContentTags;
import io.strata.meta.model.DirEntry;
import io.strata.meta.model.Extent;
import io.strata.meta.model.ExtentMaps;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.model.PosixAttrs;
import io.strata.meta.ignite.Tx;
import io.strata.meta.key.ObjectKey;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;

/**
 * The file view of the namespace: inode-level operations as NFS needs them, each one transaction. It shares
 * inodes and directory entries with {@link ObjectCatalog}, so S3 sees every change at once.
 *
 * <p>S3 visibility of directories: a directory made over NFS is explicit (it lists in S3 as {@code name/}, like a
 * zero-byte PUT of {@code name/}); a directory that only exists because S3 keys pass through it is implicit. When an
 * NFS remove or rename empties an implicit directory, it becomes explicit, because it still exists for file
 * clients and S3 must show it too.
 */
public final class FileTree {
    /** The object attributes of an explicit directory or an empty file. */
    static final ObjectAttrs EMPTY_OBJECT = ObjectAttrs.ofEtag(ContentTags.EMPTY_MD5);

    private final InodeTable inodes;
    private final DirectoryTable dirs;
    private final InodeIds ids;
    private final NanoClock clock;
    private final BlobLedger ledger;
    private final Tx tx;
    private final Unlinks unlinks;

    public FileTree(InodeTable inodes, DirectoryTable dirs, InodeIds ids, NanoClock clock, BlobLedger ledger, Tx tx) {
        this.inodes = inodes;
        this.dirs = dirs;
        this.ids = ids;
        this.clock = clock;
        this.ledger = ledger;
        this.tx = tx;
        this.unlinks = new Unlinks(inodes, dirs, ledger);
    }

    /** The inode if it still exists with this generation, else {@link StaleInodeException}. */
    public Inode require(long id, long generation) {
        Inode inode = inodes.get(id);
        if (inode == null || inode.generation() != generation) {
            throw new StaleInodeException("inode " + id + " is gone");
        }
        return inode;
    }

    /** The entry, or null if the name does not exist. */
    public DirEntry lookup(long dirId, String name) {
        return dirs.lookup(dirId, name);
    }

    /** Latest change of the directory's entries (its mtime), 0 if none recorded. */
    public long entriesChanged(long dirId) {
        return dirs.latestChange(dirId);
    }

    /**
     * Operations committed so far that changed the directory, -1 if not counted: see {@link DirectoryChanges}. Each
     * name change below counts once for each directory it names, even when it changes nothing.
     */
    public long changeCount(long dirId) {
        return dirs.changeCount(dirId);
    }

    public List<DirectoryTable.CookieEntry> readdir(long dirId, long afterCookie, int limit) {
        return dirs.pageByCookie(dirId, afterCookie, limit);
    }

    public enum CreateMode { UNCHECKED, GUARDED, EXCLUSIVE }

    /**
     * Creates an empty regular file. UNCHECKED returns an existing regular file as it is; EXCLUSIVE keeps the
     * client's verifier in atime, so a retransmitted create with the same verifier finds its own file.
     */
    public Inode createFile(long dirId, String name, NewFileAttrs requested, CreateMode mode, long verifier) {
        return tx.run(() -> newFile(dirId, name, requested, mode, verifier));
    }

    /** {@link #createFile} without waiting: see {@link Tx#submit}. */
    public CompletableFuture<Inode> submitCreateFile(long dirId, String name, NewFileAttrs requested, CreateMode mode,
                                                     long verifier) {
        return tx.submit(() -> newFile(dirId, name, requested, mode, verifier));
    }

    private Inode newFile(long dirId, String name, NewFileAttrs requested, CreateMode mode, long verifier) {
        NewFileAttrs attrs = requested.in(requireDirectory(dirId), false);
        ObjectKey.checkName(name);
        dirs.changing(dirId); // even when it finds the file
        DirEntry existing = dirs.lookup(dirId, name);
        if (existing != null) {
            Inode old = inodes.require(existing.inodeId());
            boolean mine = switch (mode) {
                case UNCHECKED -> old.isFile();
                case GUARDED -> false;
                case EXCLUSIVE -> old.isFile() && old.posix().atimeNanos() == verifier;
            };
            if (!mine) {
                throw new ExistsException(name);
            }
            return old;
        }
        long now = clock.now();
        long atime = mode == CreateMode.EXCLUSIVE ? verifier : now;
        Inode file = new Inode(ids.next(), InodeType.FILE, ids.generation(), 0, 1, 0,
                new PosixAttrs(attrs.mode(), attrs.uid(), attrs.gid(), 1, atime, now, now),
                EMPTY_OBJECT, List.of(), null);
        inodes.put(file);
        dirs.link(dirId, name, file.id(), InodeType.FILE, now);
        return file;
    }

    public Inode mkdir(long dirId, String name, NewFileAttrs requested) {
        return tx.run(() -> newDirectory(dirId, name, requested));
    }

    /** {@link #mkdir} without waiting: see {@link Tx#submit}. */
    public CompletableFuture<Inode> submitMkdir(long dirId, String name, NewFileAttrs requested) {
        return tx.submit(() -> newDirectory(dirId, name, requested));
    }

    private Inode newDirectory(long dirId, String name, NewFileAttrs requested) {
        NewFileAttrs attrs = requested.in(requireDirectory(dirId), true);
        requireAbsent(dirId, name);
        long now = clock.now();
        Inode dir = new Inode(ids.next(), InodeType.DIRECTORY, ids.generation(), dirId, 1, 0,
                new PosixAttrs(attrs.mode(), attrs.uid(), attrs.gid(), 2, now, now, now),
                EMPTY_OBJECT, List.of(), null);
        inodes.put(dir);
        dirs.createdEmpty(dir.id());
        dirs.link(dirId, name, dir.id(), InodeType.DIRECTORY, now);
        return dir;
    }

    /** A symlink is not an S3 object (it has no object attributes), so S3 listings skip it. */
    public Inode symlink(long dirId, String name, String target, NewFileAttrs requested) {
        return createNode(dirId, name, InodeType.SYMLINK, requested, target);
    }

    /** A named pipe or socket (what MKNOD makes): attributes only, no bytes, and not an S3 object. */
    public Inode special(long dirId, String name, InodeType type, NewFileAttrs requested) {
        if (type != InodeType.FIFO && type != InodeType.SOCKET) {
            throw new IllegalArgumentException("not a special file type: " + type);
        }
        return createNode(dirId, name, type, requested, null);
    }

    /** A new inode without bytes or object attributes (symlink, pipe, socket); a symlink's size is its target's. */
    private Inode createNode(long dirId, String name, InodeType type, NewFileAttrs requested, String target) {
        return tx.run(() -> {
            NewFileAttrs attrs = requested.in(requireDirectory(dirId), false);
            requireAbsent(dirId, name);
            long now = clock.now();
            Inode node = new Inode(ids.next(), type, ids.generation(), 0, 1, target == null ? 0 : target.length(),
                    new PosixAttrs(attrs.mode(), attrs.uid(), attrs.gid(), 1, now, now, now), null, List.of(), target);
            inodes.put(node);
            dirs.link(dirId, name, node.id(), type, now);
            return node;
        });
    }

    /** A new name for a file or symlink (hard link). */
    public Inode link(long inodeId, long dirId, String name) {
        return tx.run(() -> {
            requireDirectory(dirId);
            Inode inode = inodes.require(inodeId);
            if (inode.isDirectory()) {
                throw new IsDirectoryException("cannot hard-link a directory");
            }
            requireAbsent(dirId, name);
            long now = clock.now();
            Inode linked = inode.withNlink(inode.posix().nlink() + 1, now);
            inodes.put(linked);
            dirs.link(dirId, name, inodeId, inode.type(), now);
            return linked;
        });
    }

    /** Removes a file or symlink name; the inode and its blobs go with the last name. */
    public void remove(long dirId, String name) {
        tx.runVoid(() -> unlinkFile(dirId, name));
    }

    /** {@link #remove} without waiting: see {@link Tx#submit}. */
    public CompletableFuture<Void> submitRemove(long dirId, String name) {
        return tx.submitVoid(() -> unlinkFile(dirId, name));
    }

    private void unlinkFile(long dirId, String name) {
        DirEntry entry = requireEntry(dirId, name);
        if (entry.type() == InodeType.DIRECTORY) {
            throw new IsDirectoryException(name);
        }
        unlinks.unlink(dirId, name, inodes.require(entry.inodeId()), clock.now());
        keepVisibleIfEmptied(dirId, name);
    }

    public void rmdir(long dirId, String name) {
        tx.runVoid(() -> unlinkDirectory(dirId, name));
    }

    /** {@link #rmdir} without waiting: see {@link Tx#submit}. */
    public CompletableFuture<Void> submitRmdir(long dirId, String name) {
        return tx.submitVoid(() -> unlinkDirectory(dirId, name));
    }

    private void unlinkDirectory(long dirId, String name) {
        DirEntry entry = requireEntry(dirId, name);
        if (entry.type() != InodeType.DIRECTORY) {
            throw new NotDirectoryException(name);
        }
        removeEmptyDirectory(dirId, name, entry.inodeId(), clock.now());
        keepVisibleIfEmptied(dirId, name);
    }

    /**
     * Atomic rename, replacing a compatible target: a non-directory over a non-directory, a directory over an empty
     * directory. One entry moves; no data is touched.
     */
    public void rename(long fromDir, String fromName, long toDir, String toName) {
        tx.runVoid(() -> move(fromDir, fromName, toDir, toName));
    }

    /** {@link #rename} without waiting: see {@link Tx#submit}. */
    public CompletableFuture<Void> submitRename(long fromDir, String fromName, long toDir, String toName) {
        return tx.submitVoid(() -> move(fromDir, fromName, toDir, toName));
    }

    private void move(long fromDir, String fromName, long toDir, String toName) {
        if (toDir != fromDir) {
            // Within one directory, finding the source entry shows the directory exists: no directory without
            // its entries, and removing it would read that entry, so this commit would conflict with it.
            requireDirectory(toDir);
        }
        DirEntry source = requireEntry(fromDir, fromName);
        dirs.changing(fromDir); // even when the rename turns out to change nothing
        dirs.changing(toDir);
        if (fromDir == toDir && fromName.equals(toName)) {
            return;
        }
        long now = clock.now();
        if (source.type() == InodeType.DIRECTORY) {
            refuseMoveIntoItself(source.inodeId(), toDir);
        }
        ObjectKey.checkName(toName);
        DirEntry target = dirs.lookup(toDir, toName);
        if (target != null) {
            if (target.inodeId() == source.inodeId()) {
                return; // two names of one file: POSIX says rename does nothing
            }
            replaceTarget(source, target, toDir, toName, now);
        }
        dirs.unlink(fromDir, fromName, source.type(), now);
        dirs.link(toDir, toName, source.inodeId(), source.type(), now);
        Inode moved = inodes.require(source.inodeId());
        long parent = moved.isDirectory() ? toDir : moved.parentId();
        inodes.put(new Inode(moved.id(), moved.type(), moved.generation(), parent, moved.version() + 1,
                moved.size(), moved.posix().withTimes(moved.posix().mtimeNanos(), now), moved.object(),
                moved.extents(), moved.symlinkTarget()));
        if (fromDir != toDir) {
            keepVisibleIfEmptied(fromDir, fromName);
        }
    }

    /**
     * Applies a SETATTR. With {@code guardCtime}, only if the inode's ctime still equals it. A size change clips or
     * extends the extents (an extension is a hole) and gives the object a new ETag.
     */
    public Inode setattr(long id, long generation, AttrChange change, Long guardCtime) {
        return tx.run(() -> {
            Inode inode = require(id, generation);
            if (guardCtime != null && inode.posix().ctimeNanos() != guardCtime) {
                throw new GuardMismatchException("ctime changed");
            }
            long now = clock.now();
            PosixAttrs p = inode.posix();
            PosixAttrs posix = new PosixAttrs(
                    change.mode() != null ? change.mode() & 07777 : p.mode(),
                    change.uid() != null ? change.uid() : p.uid(),
                    change.gid() != null ? change.gid() : p.gid(),
                    p.nlink(),
                    change.atimeNanos() != null ? change.atimeNanos() : p.atimeNanos(),
                    change.mtimeNanos() != null ? change.mtimeNanos() : p.mtimeNanos(),
                    now);
            long size = inode.size();
            List<Extent> extents = inode.extents();
            ObjectAttrs object = inode.object();
            long version = inode.version() + 1;
            if (change.size() != null && change.size() != size) {
                if (!inode.isFile()) {
                    throw new IsDirectoryException("only regular files have a size to set");
                }
                size = change.size();
                extents = ExtentMaps.truncate(extents, size);
                ledger.released(ExtentMaps.releasedBy(inode.extents(), ExtentMaps.blobs(extents)));
                object = withEtag(object, ContentTags.afterResize(id, version, size));
                if (change.mtimeNanos() == null) {
                    posix = posix.withTimes(now, now);
                }
            }
            Inode updated = new Inode(id, inode.type(), generation, inode.parentId(), version, size, posix, object,
                    extents, inode.symlinkTarget());
            inodes.put(updated);
            return updated;
        });
    }

    /**
     * Grows the file to {@code end} bytes if it is shorter (NFSv4.2 ALLOCATE); the growth is a hole. One
     * transaction, so a write that grew the file meanwhile is never cut back, as a SETATTR of the size could.
     */
    public Inode allocate(long id, long generation, long end) {
        return tx.run(() -> {
            Inode inode = requireFile(id, generation);
            if (inode.size() >= end) {
                return inode;
            }
            long now = clock.now();
            long version = inode.version() + 1;
            Inode updated = inode.withContent(end, inode.extents(),
                    withEtag(inode.object(), ContentTags.afterResize(id, version, end)), version, now);
            inodes.put(updated);
            return updated;
        });
    }

    /**
     * Makes {@code [offset, offset + length)} a hole that reads as zeros, the size unchanged (NFSv4.2 DEALLOCATE,
     * Linux's punch hole). Blobs no longer used are released; the content changed, so the ETag is a new opaque one.
     */
    public Inode punchHole(long id, long generation, long offset, long length) {
        return tx.run(() -> {
            Inode inode = requireFile(id, generation);
            long end = length > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + length;
            List<Extent> extents = ExtentMaps.punch(inode.extents(), offset, Math.min(end, inode.size()));
            if (extents.equals(inode.extents())) {
                return inode; // a hole already: the bytes read the same
            }
            ledger.released(ExtentMaps.releasedBy(inode.extents(), ExtentMaps.blobs(extents)));
            long now = clock.now();
            long version = inode.version() + 1;
            Inode updated = inode.withContent(inode.size(), extents,
                    withEtag(inode.object(), ContentTags.opaque(id, version, inode.size())), version, now);
            inodes.put(updated);
            return updated;
        });
    }

    private Inode requireFile(long id, long generation) {
        Inode inode = require(id, generation);
        if (!inode.isFile()) {
            throw new IsDirectoryException("only regular files have bytes to allocate or free");
        }
        return inode;
    }

    /**
     * Lays newly written extents (already durable) over the file's content; the size grows to cover them. Blobs the
     * written extents hide entirely are released. The file gets {@code etag} (the writer's MD5 of the whole new
     * content) only if it is still at {@code etagBaseVersion}, the version the writer hashed over; else, and when
     * {@code etag} is null, an opaque ETag.
     */
    public Inode publishWrites(long id, long generation, List<Extent> written, String etag, long etagBaseVersion) {
        return tx.run(() -> {
            Inode inode = require(id, generation);
            List<Extent> extents = ExtentMaps.overlay(inode.extents(), written);
            long size = inode.size();
            for (Extent e : written) {
                size = Math.max(size, e.end());
            }
            // A blob the file already uses left the ledger when it was first published: removing its absent row
            // again would still be a write in this transaction (the common case: the next write to the same blob).
            Set<BlobRef> referenced = ExtentMaps.blobs(written);
            referenced.removeAll(ExtentMaps.blobs(inode.extents()));
            ledger.referenced(referenced);
            ledger.released(ExtentMaps.releasedBy(inode.extents(), ExtentMaps.blobs(extents)));
            long now = clock.now();
            long version = inode.version() + 1;
            String tag = etag != null && inode.version() == etagBaseVersion
                    ? etag : ContentTags.opaque(id, version, size);
            Inode updated = inode.withContent(size, extents, withEtag(inode.object(), tag), version, now);
            inodes.put(updated);
            return updated;
        });
    }

    private void replaceTarget(DirEntry source, DirEntry target, long toDir, String toName, long now) {
        if (source.type() == InodeType.DIRECTORY) {
            if (target.type() != InodeType.DIRECTORY) {
                throw new NotDirectoryException(toName);
            }
            removeEmptyDirectory(toDir, toName, target.inodeId(), now);
        } else {
            if (target.type() == InodeType.DIRECTORY) {
                throw new IsDirectoryException(toName);
            }
            unlinks.unlink(toDir, toName, inodes.require(target.inodeId()), now);
        }
    }

    private void removeEmptyDirectory(long parentId, String name, long dirId, long now) {
        dirs.stamp(dirId); // holds the directory still: an entry created meanwhile makes this retry
        if (!dirs.isEmptyExcept(dirId, null)) {
            throw new DirectoryNotEmptyException(name);
        }
        dirs.unlink(parentId, name, InodeType.DIRECTORY, now);
        dirs.drop(dirId);
    }

    /** See the class comment: an implicit directory emptied over NFS becomes explicit, so S3 still shows it. */
    private void keepVisibleIfEmptied(long dirId, String removedName) {
        if (dirs.knownNotEmpty(dirId)) {
            return; // the usual case, decided without reading the directory's inode
        }
        Inode dir = inodes.get(dirId);
        if (dir == null || dir.object() != null || BucketCatalog.isRootOrBucketRoot(dir)) {
            return;
        }
        dirs.stamp(dirId);
        if (dirs.isEmptyExcept(dirId, removedName)) {
            inodes.put(dir.withObject(EMPTY_OBJECT, dir.version() + 1, clock.now()));
        }
    }

    private void refuseMoveIntoItself(long movedDir, long toDir) {
        for (long d = toDir; ; ) {
            if (d == movedDir) {
                throw new InvalidMoveException("cannot move a directory into itself");
            }
            if (d == BucketCatalog.ROOT_ID) {
                return;
            }
            d = inodes.require(d).parentId();
        }
    }

    private Inode requireDirectory(long dirId) {
        Inode dir = inodes.get(dirId);
        if (dir == null) {
            throw new StaleInodeException("directory " + dirId + " is gone");
        }
        if (!dir.isDirectory()) {
            throw new NotDirectoryException("inode " + dirId);
        }
        return dir;
    }

    private void requireAbsent(long dirId, String name) {
        ObjectKey.checkName(name); // every name made over NFS is a valid S3 key segment too
        if (dirs.lookup(dirId, name) != null) {
            throw new ExistsException(name);
        }
    }

    private DirEntry requireEntry(long dirId, String name) {
        DirEntry e = dirs.lookup(dirId, name);
        if (e == null) {
            requireDirectory(dirId);
            throw new NotFoundException(name);
        }
        return e;
    }

    private static ObjectAttrs withEtag(ObjectAttrs attrs, String etag) {
        if (attrs == null) {
            return ObjectAttrs.ofEtag(etag);
        }
        // Stored checksums described the old bytes; they go with them.
        return new ObjectAttrs(etag, attrs.headers(), attrs.userMetadata(), attrs.tags(), java.util.Map.of(), null,
                List.of());
    }
}
