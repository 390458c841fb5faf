package io.strata.nfs.namespace;

import static io.strata.nfs.namespace.MetaErrors.call;

import io.strata.meta.model.Bucket;
import io.strata.meta.model.DirEntry;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.meta.ns.AttrChange;
import io.strata.meta.ns.BucketCatalog;
import io.strata.meta.ns.DirectoryTable;
import io.strata.meta.ns.FileTree;
import io.strata.meta.ns.FileXattrs;
import io.strata.meta.ns.UserXattrs;
import io.strata.meta.ns.NewFileAttrs;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.vfs.Caller;
import io.strata.nfs.vfs.Completions;
import io.strata.nfs.vfs.CreateHow;
import io.strata.nfs.vfs.DirectoryPage;
import io.strata.nfs.vfs.Export;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.FsStats;
import io.strata.nfs.vfs.ReadResult;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stability;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.vfs.VirtualFileSystem;
import io.strata.nfs.vfs.WriteResult;
import io.strata.nfs.vfs.XattrException;
import io.strata.nfs.vfs.XattrSetMode;
import io.strata.tiering.files.FileStore;
import io.strata.tiering.volume.VolumeUsage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.nio.charset.StandardCharsets;
import io.strata.tiering.placement.Residence;
import io.strata.tiering.thread.DaemonThreads;

/**
 * The NFS seam over Strata's namespace. The export root "/" holds the buckets: MKDIR there creates a bucket and
 * RMDIR deletes an empty one; files cannot live there. Everything below is plain {@link FileTree} and
 * {@link FileStore} calls, so S3 sees each change in the same transaction.
 */
public final class StrataFileSystem implements VirtualFileSystem {
    private static final FileId ROOT = new FileId(BucketCatalog.ROOT_ID, 1);
    /** Runs the rare steps after a submitted change that wait for a transaction of their own. */
    private static final Executor FOLLOW_UPS =
            Executors.newCachedThreadPool(DaemonThreads.named("strata-nfs-follow-up"));
    private static final String STRATA_XATTR_PREFIX = "strata.";
    public static final String TIER_XATTR = STRATA_XATTR_PREFIX + "tier";
    public static final String VOLUME_XATTR = STRATA_XATTR_PREFIX + "volume";
    public static final String STORAGE_CLASS_XATTR = STRATA_XATTR_PREFIX + "storage-class";

    private final FileStore files;
    private final FileTree tree;
    private final BucketCatalog buckets;
    private final Stats stats;

    public StrataFileSystem(FileStore files) {
        this.files = files;
        this.tree = files.tree();
        this.buckets = files.meta().buckets();
        this.stats = new Stats(files);
    }

    @Override
    public List<Export> exports() {
        List<Export> out = new ArrayList<>();
        out.add(new Export("/", ROOT));
        for (Bucket b : buckets.list()) {
            Inode root = files.meta().inodes().get(b.rootInodeId());
            if (root != null) {
                out.add(new Export("/" + b.name(), new FileId(root.id(), root.generation())));
            }
        }
        return out;
    }

    @Override
    public FileId resolveExport(String path) throws NfsException {
        FileId at = ROOT;
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                at = lookup(at, part).id();
            }
        }
        if (getattr(at).type() != FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.NOTDIR, path + " is not a directory");
        }
        return at;
    }

    @Override
    public Stat getattr(FileId id) throws NfsException {
        return call(() -> stats.of(tree.require(id.inode(), id.generation())));
    }

    @Override
    public FileId parentOf(FileId dir) throws NfsException {
        return call(() -> {
            Inode inode = tree.require(dir.inode(), dir.generation());
            if (inode.id() == BucketCatalog.ROOT_ID) {
                return ROOT;
            }
            Inode parent = files.meta().inodes().require(inode.parentId());
            return new FileId(parent.id(), parent.generation());
        });
    }

    @Override
    public Stat lookup(FileId dir, String name) throws NfsException {
        return call(() -> {
            // The caller (LOOKUP) has checked the directory's handle; a removed directory has no entries: NOENT.
            DirEntry e = tree.lookup(dir.inode(), name);
            if (e == null) {
                Inode d = tree.require(dir.inode(), dir.generation());
                throw new NfsException(d.isDirectory() ? NfsStatus.NOENT : NfsStatus.NOTDIR, name);
            }
            return stats.of(files.meta().inodes().require(e.inodeId()));
        });
    }

    @Override
    public Stat setattr(FileId id, SetAttributes attrs, Long guardCtimeNanos, Caller caller) throws NfsException {
        long now = files.meta().clock().now();
        AttrChange change = new AttrChange(attrs.mode(), attrs.uid(), attrs.gid(), attrs.size(),
                resolveTime(attrs.atimeNanos(), now), resolveTime(attrs.mtimeNanos(), now));
        return call(() -> stats.of(files.setattr(id.inode(), id.generation(), change, guardCtimeNanos)));
    }

    @Override
    public ReadResult read(FileId id, long offset, ByteBuffer into) throws NfsException {
        return call(() -> {
            FileStore.FileRead r = files.read(id.inode(), id.generation(), offset, into);
            return new ReadResult(r.length(), r.eof(), stats.of(r.inode()));
        });
    }

    @Override
    public Stat allocate(FileId id, long end) throws NfsException {
        return call(() -> stats.of(files.allocate(id.inode(), id.generation(), end)));
    }

    @Override
    public Stat deallocate(FileId id, long offset, long length) throws NfsException {
        return call(() -> stats.of(files.punchHole(id.inode(), id.generation(), offset, length)));
    }

    @Override
    public WriteResult write(FileId id, long offset, ByteBuffer data, Stability stability) throws NfsException {
        int count = data.remaining();
        boolean sync = stability != Stability.UNSTABLE;
        call(() -> {
            files.write(id.inode(), id.generation(), offset, data, sync);
            return null;
        });
        return new WriteResult(count, sync ? Stability.FILE_SYNC : Stability.UNSTABLE);
    }

    @Override
    public void commit(FileId id) throws NfsException {
        call(() -> {
            files.commit(id.inode(), id.generation());
            return null;
        });
    }

    @Override
    public long writeVerifier() {
        return files.writeVerifier();
    }

    @Override
    public FileId create(FileId dir, String name, CreateHow how, Caller caller) throws NfsException {
        refuseAtRoot(dir, "files cannot be created beside buckets");
        Inode file = call(() -> tree.createFile(dir.inode(), name, newAttrs(how, caller), createMode(how),
                how.verifier()));
        return truncatedIfAsked(new FileId(file.id(), file.generation()), how, caller);
    }

    @Override
    public CompletionStage<FileId> createAsync(FileId dir, String name, CreateHow how, Caller caller) {
        if (dir.inode() == BucketCatalog.ROOT_ID) {
            return Completions.of(() -> create(dir, name, how, caller)); // refused without a transaction
        }
        return MetaErrors.later(() -> tree.submitCreateFile(dir.inode(), name, newAttrs(how, caller),
                        createMode(how), how.verifier()))
                .thenCompose(file -> {
                    FileId id = new FileId(file.id(), file.generation());
                    Long size = sizeAsked(how);
                    if (size == null || size == file.size()) {
                        return CompletableFuture.completedFuture(id);
                    }
                    // A second transaction, waited for: not in the thread that committed the first (see Tx.submit).
                    return Completions.on(FOLLOW_UPS, () -> truncatedIfAsked(id, how, caller));
                });
    }

    private static NewFileAttrs newAttrs(CreateHow how, Caller caller) {
        return newAttrs(how.attributes() == null ? SetAttributes.NONE : how.attributes(), 0644, caller);
    }

    private static FileTree.CreateMode createMode(CreateHow how) {
        return FileTree.CreateMode.valueOf(how.mode().name());
    }

    /** The size a non-exclusive create asks for (UNCHECKED with size 0 is how O_TRUNC arrives), or null. */
    private static Long sizeAsked(CreateHow how) {
        return how.mode() == CreateHow.Mode.EXCLUSIVE || how.attributes() == null ? null : how.attributes().size();
    }

    /** Truncates an existing file to the size its create asked for: that needs write permission. */
    private FileId truncatedIfAsked(FileId id, CreateHow how, Caller caller) throws NfsException {
        Long size = sizeAsked(how);
        if (size != null) {
            Stat existing = getattr(id);
            if (existing.size() != size) {
                Permissions.requireData(existing, caller, Permissions.WRITE);
                setattr(id, new SetAttributes(null, null, null, size, null, null), null, caller);
            }
        }
        return id;
    }

    @Override
    public FileId mkdir(FileId dir, String name, SetAttributes attrs, Caller caller) throws NfsException {
        NewFileAttrs a = newAttrs(attrs, 0755, caller);
        if (dir.inode() == BucketCatalog.ROOT_ID) {
            Bucket b = call(() -> buckets.create(name, bucketDefaults(a)));
            return bucketRoot(b);
        }
        Inode made = call(() -> tree.mkdir(dir.inode(), name, a));
        return new FileId(made.id(), made.generation());
    }

    @Override
    public CompletionStage<FileId> mkdirAsync(FileId dir, String name, SetAttributes attrs, Caller caller) {
        NewFileAttrs a = newAttrs(attrs, 0755, caller);
        if (dir.inode() == BucketCatalog.ROOT_ID) {
            return MetaErrors.later(() -> buckets.submitCreate(name, bucketDefaults(a)).thenApply(this::bucketRoot));
        }
        return MetaErrors.later(() -> tree.submitMkdir(dir.inode(), name, a)
                .thenApply(made -> new FileId(made.id(), made.generation())));
    }

    private static BucketCatalog.BucketDefaults bucketDefaults(NewFileAttrs a) {
        return new BucketCatalog.BucketDefaults(a.uid(), a.gid(), 0644, a.mode());
    }

    private FileId bucketRoot(Bucket b) {
        Inode root = files.meta().inodes().require(b.rootInodeId());
        return new FileId(root.id(), root.generation());
    }

    @Override
    public FileId symlink(FileId dir, String name, String target, SetAttributes attrs, Caller caller)
            throws NfsException {
        refuseAtRoot(dir, "symlinks cannot be created beside buckets");
        NewFileAttrs a = newAttrs(attrs, 0777, caller);
        Inode link = call(() -> tree.symlink(dir.inode(), name, target, a));
        return new FileId(link.id(), link.generation());
    }

    @Override
    public FileId mknod(FileId dir, String name, FileType type, SetAttributes attrs, Caller caller)
            throws NfsException {
        refuseAtRoot(dir, "special files cannot be created beside buckets");
        InodeType kind = switch (type) {
            case FIFO -> InodeType.FIFO;
            case SOCKET -> InodeType.SOCKET;
            default -> throw new NfsException(NfsStatus.BADTYPE, "mknod of " + type);
        };
        NewFileAttrs a = newAttrs(attrs, 0644, caller);
        Inode node = call(() -> tree.special(dir.inode(), name, kind, a));
        return new FileId(node.id(), node.generation());
    }

    @Override
    public String readlink(FileId id) throws NfsException {
        Inode inode = call(() -> tree.require(id.inode(), id.generation()));
        if (inode.symlinkTarget() == null) {
            throw new NfsException(NfsStatus.INVAL, "not a symlink");
        }
        return inode.symlinkTarget();
    }

    @Override
    public void link(FileId file, FileId dir, String name) throws NfsException {
        refuseAtRoot(dir, "links cannot be created beside buckets");
        call(() -> {
            tree.require(file.inode(), file.generation());
            return tree.link(file.inode(), dir.inode(), name);
        });
    }

    @Override
    public void remove(FileId dir, String name) throws NfsException {
        // No check of the directory first: FileTree's own answers STALE or NOTDIR (a gone directory has no entries),
        // and an extra read of its inode was a few percent of a REMOVE.
        call(() -> {
            tree.remove(dir.inode(), name);
            return null;
        });
    }

    @Override
    public long directoryChanges(FileId dir) {
        return tree.changeCount(dir.inode());
    }

    @Override
    public CompletionStage<Void> removeAsync(FileId dir, String name) {
        return MetaErrors.later(() -> tree.submitRemove(dir.inode(), name)); // as remove: FileTree checks
    }

    @Override
    public void rmdir(FileId dir, String name) throws NfsException {
        call(() -> { // as remove: FileTree checks the directory
            if (dir.inode() == BucketCatalog.ROOT_ID) {
                buckets.delete(name);
            } else {
                tree.rmdir(dir.inode(), name);
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> rmdirAsync(FileId dir, String name) {
        return MetaErrors.later(() -> dir.inode() == BucketCatalog.ROOT_ID
                ? buckets.submitDelete(name) : tree.submitRmdir(dir.inode(), name));
    }

    @Override
    public void rename(FileId fromDir, String fromName, FileId toDir, String toName) throws NfsException {
        refuseRenameAtRoot(fromDir, toDir);
        call(() -> { // as remove: FileTree checks both directories
            tree.rename(fromDir.inode(), fromName, toDir.inode(), toName);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> renameAsync(FileId fromDir, String fromName, FileId toDir, String toName) {
        try {
            refuseRenameAtRoot(fromDir, toDir);
        } catch (NfsException e) {
            return CompletableFuture.failedFuture(e);
        }
        return MetaErrors.later(() -> tree.submitRename(fromDir.inode(), fromName, toDir.inode(), toName));
    }

    private static void refuseRenameAtRoot(FileId fromDir, FileId toDir) throws NfsException {
        refuseAtRoot(fromDir, "buckets cannot be renamed");
        refuseAtRoot(toDir, "nothing can be moved beside buckets");
    }

    @Override
    public DirectoryPage readdir(FileId dir, long cookie, int maxEntries, boolean withAttributes)
            throws NfsException {
        return call(() -> {
            Inode d = tree.require(dir.inode(), dir.generation());
            if (!d.isDirectory()) {
                throw new NfsException(NfsStatus.NOTDIR, "not a directory");
            }
            List<DirectoryTable.CookieEntry> page = tree.readdir(d.id(), cookie, maxEntries + 1);
            boolean eof = page.size() <= maxEntries;
            List<DirectoryTable.CookieEntry> shown = eof ? page : page.subList(0, maxEntries);
            Map<Long, Inode> inodes = files.meta().inodes().getAll(shown.stream().map(e -> e.entry().inodeId()).toList());
            List<DirectoryPage.Entry> out = new ArrayList<>(shown.size());
            for (DirectoryTable.CookieEntry e : shown) {
                Inode child = inodes.get(e.entry().inodeId());
                if (child == null) {
                    continue; // removed between the page and the attribute read
                }
                out.add(new DirectoryPage.Entry(e.entry().name(), e.cookie(),
                        new FileId(child.id(), child.generation()), withAttributes ? stats.of(child) : null));
            }
            return new DirectoryPage(out, eof);
        });
    }

    @Override
    public FsStats fsstat(FileId id) throws NfsException {
        VolumeUsage space = call(files::space);
        long freeFiles = Long.MAX_VALUE / 2; // inodes are rows in the grid: no fixed table to run out of
        return new FsStats(space.totalBytes(), space.freeBytes(), space.freeBytes(), freeFiles, freeFiles, freeFiles,
                maxFileSize());
    }

    @Override
    public long maxFileSize() {
        return files.maxFileSize();
    }

    /** What the client asked for, else {@code defaultMode} and the caller as owner. */
    private static NewFileAttrs newAttrs(SetAttributes asked, int defaultMode, Caller caller) {
        return new NewFileAttrs(asked.mode() != null ? asked.mode() : defaultMode,
                asked.uid() != null ? asked.uid() : caller.uid(), asked.gid() != null ? asked.gid() : caller.gid());
    }

    private static void refuseAtRoot(FileId dir, String why) throws NfsException {
        if (dir.inode() == BucketCatalog.ROOT_ID) {
            throw new NfsException(NfsStatus.ACCES, why);
        }
    }

    private static Long resolveTime(Long requested, long now) {
        return requested == null ? null : requested == SetAttributes.SERVER_TIME ? now : requested;
    }

    /**
     * The object's S3 user metadata (x-amz-meta-NAME is user.NAME, see {@link UserXattrs}), and for regular files
     * strata.tier, strata.volume and strata.storage-class: the tiers and volumes holding the file's bytes in offset
     * order, comma-separated, and its S3 storage class. Bytes written over NFS and not yet committed are not
     * placed yet and do not count.
     */
    @Override
    public SortedMap<String, byte[]> xattrs(FileId id) throws NfsException {
        Inode inode = call(() -> tree.require(id.inode(), id.generation()));
        SortedMap<String, byte[]> out = new TreeMap<>();
        if (inode.object() != null) {
            inode.object().userMetadata().forEach((name, value) -> out.put(name, UserXattrs.decode(value)));
        }
        if (!inode.isFile()) {
            return out;
        }
        Residence r = files.residence(inode);
        out.put(TIER_XATTR, String.join(",", r.tiers()).getBytes(StandardCharsets.UTF_8));
        out.put(VOLUME_XATTR, String.join(",", r.volumes()).getBytes(StandardCharsets.UTF_8));
        out.put(STORAGE_CLASS_XATTR, r.storageClass().getBytes(StandardCharsets.UTF_8));
        return out;
    }

    @Override
    public void setXattr(FileId id, String name, byte[] value, XattrSetMode mode) throws NfsException, XattrException {
        requireStorableName(name);
        FileXattrs.SetMode setMode = FileXattrs.SetMode.valueOf(mode.name());
        MetaErrors.xattrCall(() -> files.meta().xattrs().set(id.inode(), id.generation(), name, UserXattrs.encode(value),
                setMode));
    }

    @Override
    public void removeXattr(FileId id, String name) throws NfsException, XattrException {
        requireStorableName(name);
        MetaErrors.xattrCall(() -> files.meta().xattrs().remove(id.inode(), id.generation(), name));
    }

    /** The strata.* attributes are computed from where the bytes sit: there is nothing to set or remove. */
    private static void requireStorableName(String name) throws NfsException {
        if (name.startsWith(STRATA_XATTR_PREFIX)) {
            throw new NfsException(NfsStatus.PERM, "the " + STRATA_XATTR_PREFIX + "* attributes are read-only: " + name);
        }
    }
}
