package io.strata.nfs.testing;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.vfs.Caller;
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
import java.util.TreeMap;
import java.util.SortedMap;
import java.nio.charset.StandardCharsets;
import io.strata.nfs.vfs.XattrSetMode;
import io.strata.nfs.vfs.XattrException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map-based tree behind the seam, for protocol tests: one lock, a fake clock that ticks on every change, and
 * READDIR cookies from one growing counter starting at 3, as the real file system's are. Not production code.
 */
public final class InMemoryFileSystem implements VirtualFileSystem {
    public static final FileId ROOT = new FileId(1, 1);
    public static final long VERIFIER = 0x1234_5678_9abc_def0L;

    private final Map<Long, Node> nodes = new ConcurrentHashMap<>();
    private long nextInode = 2;
    private long nextCookie = 3;
    private long clock = 1_700_000_000_000_000_000L;
    /** Set to make every call throw, to test the SERVERFAULT path. */
    public volatile RuntimeException failWith;
    /** Set to make READ fail with this status, as Strata's does when a file's volume cannot be reached. */
    public volatile NfsStatus readFailsWith;
    /** The largest file size, as Strata's is its write volume's (ext4: 16 TiB). */
    public volatile long maxFileSize = 1L << 44;
    /** Directory entries whose attributes READDIR has read, to check what a listing costs. */
    public final java.util.concurrent.atomic.AtomicInteger entryAttributesRead = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Runs once after each name change, before the call returns: a test's stand-in for another client that changes
     * the namespace at the same moment.
     */
    public volatile Runnable afterNameChange;
    /** Name changes per directory inode, one per call however many entries it touched ({@link #directoryChanges}). */
    private final Map<Long, Long> changesPerDirectory = new java.util.HashMap<>();
    /** Calls of {@link #readdir}: each is an index query in Strata's file system. */
    public final java.util.concurrent.atomic.AtomicInteger readdirCalls = new java.util.concurrent.atomic.AtomicInteger();

    private static final class Node {
        FileId id;
        FileType type;
        int mode;
        int uid;
        int gid;
        long parent;
        int nlink = 1;
        byte[] data = new byte[0];
        String target;
        Long verifier;
        long atime;
        long mtime;
        long ctime;
        final Map<String, long[]> children = new LinkedHashMap<>(); // name → {inode, cookie}
        final TreeMap<String, byte[]> xattrs = new TreeMap<>();
    }

    public InMemoryFileSystem() {
        Node root = newNode(FileType.DIRECTORY, 0755, 0, 0, 1);
        root.id = ROOT;
        root.parent = 1;
        root.nlink = 2;
        nodes.put(1L, root);
    }

    private Node newNode(FileType type, int mode, int uid, int gid, long parent) {
        Node n = new Node();
        n.type = type;
        n.mode = mode;
        n.uid = uid;
        n.gid = gid;
        n.parent = parent;
        n.atime = n.mtime = n.ctime = tick();
        return n;
    }

    private long tick() {
        return clock += 1_000;
    }

    private Node node(FileId id) throws NfsException {
        RuntimeException fail = failWith;
        if (fail != null) {
            throw fail;
        }
        Node n = nodes.get(id.inode());
        if (n == null || n.id.generation() != id.generation()) {
            throw new NfsException(NfsStatus.STALE, "gone");
        }
        return n;
    }

    private Node dir(FileId id) throws NfsException {
        Node n = node(id);
        if (n.type != FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.NOTDIR, "not a directory");
        }
        return n;
    }

    private Node child(Node dir, String name) throws NfsException {
        long[] e = dir.children.get(name);
        if (e == null) {
            throw new NfsException(NfsStatus.NOENT, name);
        }
        return nodes.get(e[0]);
    }

    private synchronized FileId add(Node dir, String name, Node n) throws NfsException {
        if (dir.children.containsKey(name)) {
            throw new NfsException(NfsStatus.EXIST, name);
        }
        n.id = new FileId(nextInode++, 7);
        nodes.put(n.id.inode(), n);
        dir.children.put(name, new long[] {n.id.inode(), nextCookie++});
        dir.mtime = dir.ctime = tick();
        if (n.type == FileType.DIRECTORY) {
            dir.nlink++;
            n.nlink = 2;
        }
        changed(dir.id);
        return n.id;
    }

    /** Counts one change of each directory, then lets {@link #afterNameChange} run (once: it may change names too). */
    private void changed(FileId... dirs) {
        for (FileId d : new java.util.LinkedHashSet<>(List.of(dirs))) {
            changesPerDirectory.merge(d.inode(), 1L, Long::sum);
        }
        Runnable meanwhile = afterNameChange;
        afterNameChange = null;
        if (meanwhile != null) {
            meanwhile.run();
        }
    }

    @Override
    public synchronized long directoryChanges(FileId dir) {
        return changesPerDirectory.getOrDefault(dir.inode(), 0L);
    }

    private static Stat stat(Node n) {
        long size = n.type == FileType.DIRECTORY ? 4096 : n.type == FileType.SYMLINK ? n.target.length() : n.data.length;
        return new Stat(n.id, n.type, n.mode, n.nlink, n.uid, n.gid, size, size, n.atime, n.mtime, n.ctime, n.ctime);
    }

    @Override
    public synchronized List<Export> exports() {
        List<Export> out = new ArrayList<>(List.of(new Export("/", ROOT)));
        nodes.get(1L).children.forEach((name, e) -> {
            Node n = nodes.get(e[0]);
            if (n.type == FileType.DIRECTORY) {
                out.add(new Export("/" + name, n.id));
            }
        });
        return out;
    }

    @Override
    public synchronized FileId resolveExport(String path) throws NfsException {
        Node at = node(ROOT);
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                at = child(dir(at.id), part);
            }
        }
        dir(at.id);
        return at.id;
    }

    @Override
    public synchronized Stat getattr(FileId id) throws NfsException {
        return stat(node(id));
    }

    @Override
    public synchronized FileId parentOf(FileId dir) throws NfsException {
        return nodes.get(dir(dir).parent).id;
    }

    @Override
    public synchronized Stat lookup(FileId dir, String name) throws NfsException {
        return getattr(child(dir(dir), name).id);
    }

    @Override
    public synchronized Stat setattr(FileId id, SetAttributes a, Long guard, Caller caller) throws NfsException {
        Node n = node(id);
        if (guard != null && guard != n.ctime) {
            throw new NfsException(NfsStatus.NOT_SYNC, "guard");
        }
        long now = tick();
        if (a.mode() != null) {
            n.mode = a.mode();
        }
        if (a.uid() != null) {
            n.uid = a.uid();
        }
        if (a.gid() != null) {
            n.gid = a.gid();
        }
        if (a.size() != null) {
            n.data = Arrays.copyOf(n.data, Math.toIntExact(a.size()));
            n.mtime = now;
        }
        if (a.atimeNanos() != null) {
            n.atime = a.atimeNanos() == SetAttributes.SERVER_TIME ? now : a.atimeNanos();
        }
        if (a.mtimeNanos() != null) {
            n.mtime = a.mtimeNanos() == SetAttributes.SERVER_TIME ? now : a.mtimeNanos();
        }
        n.ctime = now;
        return stat(n);
    }

    @Override
    public synchronized ReadResult read(FileId id, long offset, ByteBuffer into) throws NfsException {
        if (readFailsWith != null) {
            throw new NfsException(readFailsWith, "read refused by the test");
        }
        Node n = node(id);
        if (n.type != FileType.REGULAR) {
            throw new NfsException(n.type == FileType.DIRECTORY ? NfsStatus.ISDIR : NfsStatus.INVAL, "not a file");
        }
        int from = (int) Math.min(offset, n.data.length);
        int to = (int) Math.min((long) from + into.remaining(), n.data.length);
        into.put(n.data, from, to - from);
        return new ReadResult(to - from, to >= n.data.length, getattr(id));
    }

    @Override
    public synchronized WriteResult write(FileId id, long offset, ByteBuffer data, Stability stability)
            throws NfsException {
        Node n = node(id);
        int count = data.remaining();
        int end = Math.toIntExact(offset + count);
        if (end > n.data.length) {
            n.data = Arrays.copyOf(n.data, end);
        }
        data.get(n.data, (int) offset, count);
        n.mtime = n.ctime = tick();
        return new WriteResult(count, stability == Stability.UNSTABLE ? Stability.UNSTABLE : Stability.FILE_SYNC);
    }

    @Override
    public synchronized Stat allocate(FileId id, long end) throws NfsException {
        Node n = node(id);
        if (end > n.data.length) {
            n.data = Arrays.copyOf(n.data, Math.toIntExact(end));
            n.mtime = n.ctime = tick();
        }
        return getattr(id);
    }

    @Override
    public synchronized Stat deallocate(FileId id, long offset, long length) throws NfsException {
        Node n = node(id);
        int from = (int) Math.min(offset, n.data.length);
        int to = (int) Math.min(offset + length, n.data.length);
        Arrays.fill(n.data, from, Math.max(from, to), (byte) 0);
        n.mtime = n.ctime = tick();
        return getattr(id);
    }

    @Override
    public synchronized void commit(FileId id) throws NfsException {
        node(id);
    }

    @Override
    public long writeVerifier() {
        return VERIFIER;
    }

    @Override
    public synchronized FileId create(FileId dirId, String name, CreateHow how, Caller caller) throws NfsException {
        Node dir = dir(dirId);
        long[] existing = dir.children.get(name);
        if (existing != null) {
            Node n = nodes.get(existing[0]);
            if (how.mode() == CreateHow.Mode.EXCLUSIVE && n.verifier != null && n.verifier == how.verifier()) {
                changed(dirId);
                return n.id;
            }
            if (how.mode() != CreateHow.Mode.UNCHECKED || n.type != FileType.REGULAR) {
                throw new NfsException(NfsStatus.EXIST, name);
            }
            if (how.attributes().size() != null) {
                n.data = Arrays.copyOf(n.data, Math.toIntExact(how.attributes().size()));
            }
            changed(dirId);
            return n.id;
        }
        SetAttributes a = how.attributes();
        Node n = newNode(FileType.REGULAR, a.mode() != null ? a.mode() : 0644, a.uid() != null ? a.uid() : caller.uid(),
                a.gid() != null ? a.gid() : caller.gid(), dirId.inode());
        if (how.mode() == CreateHow.Mode.EXCLUSIVE) {
            n.verifier = how.verifier();
        }
        return add(dir, name, n);
    }

    @Override
    public synchronized FileId mkdir(FileId dirId, String name, SetAttributes a, Caller caller) throws NfsException {
        Node n = newNode(FileType.DIRECTORY, a.mode() != null ? a.mode() : 0755, a.uid() != null ? a.uid() : caller.uid(),
                a.gid() != null ? a.gid() : caller.gid(), dirId.inode());
        return add(dir(dirId), name, n);
    }

    @Override
    public synchronized FileId symlink(FileId dirId, String name, String target, SetAttributes a, Caller caller)
            throws NfsException {
        Node n = newNode(FileType.SYMLINK, 0777, caller.uid(), caller.gid(), dirId.inode());
        n.target = target;
        return add(dir(dirId), name, n);
    }

    @Override
    public synchronized FileId mknod(FileId dirId, String name, FileType type, SetAttributes a, Caller caller)
            throws NfsException {
        Node n = newNode(type, a.mode() != null ? a.mode() : 0644, caller.uid(), caller.gid(), dirId.inode());
        return add(dir(dirId), name, n);
    }

    @Override
    public synchronized String readlink(FileId id) throws NfsException {
        Node n = node(id);
        if (n.target == null) {
            throw new NfsException(NfsStatus.INVAL, "not a symlink");
        }
        return n.target;
    }

    @Override
    public synchronized void link(FileId file, FileId dirId, String name) throws NfsException {
        Node n = node(file);
        Node dir = dir(dirId);
        if (dir.children.containsKey(name)) {
            throw new NfsException(NfsStatus.EXIST, name);
        }
        dir.children.put(name, new long[] {n.id.inode(), nextCookie++});
        n.nlink++;
        n.ctime = dir.mtime = dir.ctime = tick();
        changed(dirId);
    }

    @Override
    public synchronized void remove(FileId dirId, String name) throws NfsException {
        Node dir = dir(dirId);
        Node n = child(dir, name);
        if (n.type == FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.ISDIR, name);
        }
        unlink(dir, name, n);
        changed(dirId);
    }

    @Override
    public synchronized void rmdir(FileId dirId, String name) throws NfsException {
        Node dir = dir(dirId);
        Node n = child(dir, name);
        if (n.type != FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.NOTDIR, name);
        }
        if (!n.children.isEmpty()) {
            throw new NfsException(NfsStatus.NOTEMPTY, name);
        }
        dir.nlink--;
        unlink(dir, name, n);
        changed(dirId);
    }

    private void unlink(Node dir, String name, Node n) {
        dir.children.remove(name);
        dir.mtime = dir.ctime = tick();
        if (--n.nlink <= 0 || n.type == FileType.DIRECTORY) {
            nodes.remove(n.id.inode());
        }
    }

    @Override
    public synchronized void rename(FileId fromDir, String fromName, FileId toDir, String toName) throws NfsException {
        Node from = dir(fromDir);
        Node to = dir(toDir);
        Node n = child(from, fromName);
        long[] target = to.children.get(toName);
        if (target != null) {
            Node old = nodes.get(target[0]);
            if (old.type == FileType.DIRECTORY && !old.children.isEmpty()) {
                throw new NfsException(NfsStatus.NOTEMPTY, toName);
            }
            unlink(to, toName, old);
        }
        from.children.remove(fromName);
        to.children.put(toName, new long[] {n.id.inode(), nextCookie++});
        n.parent = to.id.inode();
        from.mtime = from.ctime = to.mtime = to.ctime = tick();
        changed(fromDir, toDir);
    }

    @Override
    public synchronized DirectoryPage readdir(FileId dirId, long cookie, int maxEntries, boolean withAttributes)
            throws NfsException {
        readdirCalls.incrementAndGet();
        List<DirectoryPage.Entry> out = new ArrayList<>();
        boolean eof = true;
        for (Map.Entry<String, long[]> e : dir(dirId).children.entrySet()) {
            if (e.getValue()[1] <= cookie) {
                continue;
            }
            if (out.size() == maxEntries) {
                eof = false;
                break;
            }
            Node n = nodes.get(e.getValue()[0]);
            if (withAttributes) {
                entryAttributesRead.incrementAndGet();
            }
            out.add(new DirectoryPage.Entry(e.getKey(), e.getValue()[1], n.id, withAttributes ? stat(n) : null));
        }
        return new DirectoryPage(out, eof);
    }

    @Override
    public long maxFileSize() {
        return maxFileSize;
    }

    @Override
    public FsStats fsstat(FileId id) throws NfsException {
        getattr(id);
        return new FsStats(1L << 40, 1L << 39, 1L << 38, 1_000_000, 900_000, 800_000, maxFileSize());
    }

    /** Stored attributes, and one read-only attribute per regular file as the real seam has. */
    @Override
    public synchronized SortedMap<String, byte[]> xattrs(FileId id) throws NfsException {
        Node n = node(id);
        TreeMap<String, byte[]> out = new TreeMap<>(n.xattrs);
        if (n.type == FileType.REGULAR) {
            out.put("strata.tier", "memory".getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The largest total of names and values a node holds here, so tests can reach XATTR2BIG. */
    public static final int XATTR_BYTES = 4096;

    @Override
    public synchronized void setXattr(FileId id, String name, byte[] value, XattrSetMode mode)
            throws NfsException, XattrException {
        Node n = node(id);
        if (name.startsWith("strata.")) {
            throw new NfsException(NfsStatus.PERM, "read-only");
        }
        boolean exists = n.xattrs.containsKey(name);
        if (mode == XattrSetMode.CREATE && exists) {
            throw new NfsException(NfsStatus.EXIST, name);
        }
        if (mode == XattrSetMode.REPLACE && !exists) {
            throw new XattrException(XattrException.Kind.NO_SUCH_ATTRIBUTE, name);
        }
        int total = name.length() + value.length;
        for (Map.Entry<String, byte[]> e : n.xattrs.entrySet()) {
            total += e.getKey().equals(name) ? 0 : e.getKey().length() + e.getValue().length;
        }
        if (total > XATTR_BYTES) {
            throw new XattrException(XattrException.Kind.TOO_LARGE, name);
        }
        n.xattrs.put(name, value.clone());
        n.ctime = tick();
    }

    @Override
    public synchronized void removeXattr(FileId id, String name) throws NfsException, XattrException {
        Node n = node(id);
        if (n.xattrs.remove(name) == null) {
            throw new XattrException(XattrException.Kind.NO_SUCH_ATTRIBUTE, name);
        }
        n.ctime = tick();
    }
}
