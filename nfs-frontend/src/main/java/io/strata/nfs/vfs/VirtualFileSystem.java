package io.strata.nfs.vfs;

import io.strata.nfs.status.NfsException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.CompletionStage;

/**
 * The seam between the NFS protocol handlers and the unified namespace. Protocol code speaks only to this
 * interface, so NFSv3 and (later) NFSv4.1 share it, and handlers are unit-tested against an in-memory double.
 * Every method that fails throws {@link NfsException} with the status the client should see; a handle that names
 * a removed inode (or one with another generation) gives STALE.
 *
 * Names are single path components (no '/', no NUL, not empty, at most 255 UTF-8 bytes); the protocol layer checks
 * them and resolves "." and ".." itself using {@link #parentOf}.
 * Permission checks against {@link Caller} are the protocol layer's job (from {@link Stat}), except where an
 * operation needs the namespace's own state to decide.
 *
 * <p>The name changes a client makes by the thousand (create, mkdir, remove, rmdir, rename) also come in a form
 * that answers later ({@code ...Async}): a handler then needs no thread parked until the change has committed, and
 * replies from whichever thread completes the stage. Such a stage fails with the {@link NfsException} the other
 * form would throw. Their defaults answer at once, through the other form.
 */
public interface VirtualFileSystem {

    /** The mountable paths: "/" and one per bucket, at the time of the call. */
    List<Export> exports();

    /** Resolves a MOUNT path ("/", "/bucket" or "/bucket/dir/...") to a directory. */
    FileId resolveExport(String path) throws NfsException;

    Stat getattr(FileId id) throws NfsException;

    /** The directory holding {@code dir}; the namespace root is its own parent. */
    FileId parentOf(FileId dir) throws NfsException;

    /** The entry's attributes (its id is {@link Stat#id()}): one lookup gives a LOOKUP reply all it needs. */
    Stat lookup(FileId dir, String name) throws NfsException;

    /**
     * Applies the changes. {@code guardCtimeNanos} non-null: fail with NOT_SYNC unless the file's ctime equals it.
     * A size change truncates or extends (the extension reads as zeros).
     */
    Stat setattr(FileId id, SetAttributes attrs, Long guardCtimeNanos, Caller caller) throws NfsException;

    /**
     * Reads up to {@code into.remaining()} bytes at {@code offset}, including writes not yet committed, into
     * {@code into} from its position, which advances past them. ISDIR or INVAL for anything but a regular file.
     */
    ReadResult read(FileId id, long offset, ByteBuffer into) throws NfsException;

    /** Writes at {@code offset}; holes before it read as zeros. Returns at least the stability asked for. */
    WriteResult write(FileId id, long offset, ByteBuffer data, Stability stability) throws NfsException;

    /**
     * Grows a regular file to at least {@code end} bytes, the growth reading as zeros (NFSv4.2 ALLOCATE). Space is
     * not reserved: volumes are shared by every file, as thin-provisioned storage is.
     */
    Stat allocate(FileId id, long end) throws NfsException;

    /** Makes a range of a regular file read as zeros and frees its bytes, the size unchanged (DEALLOCATE). */
    Stat deallocate(FileId id, long offset, long length) throws NfsException;

    /** Makes every write to the file durable and visible to S3. */
    void commit(FileId id) throws NfsException;

    /** Changes on every server start, so clients resend UNSTABLE writes that a restart may have lost. */
    long writeVerifier();

    FileId create(FileId dir, String name, CreateHow how, Caller caller) throws NfsException;

    FileId mkdir(FileId dir, String name, SetAttributes attrs, Caller caller) throws NfsException;

    default CompletionStage<FileId> createAsync(FileId dir, String name, CreateHow how, Caller caller) {
        return Completions.of(() -> create(dir, name, how, caller));
    }

    default CompletionStage<FileId> mkdirAsync(FileId dir, String name, SetAttributes attrs, Caller caller) {
        return Completions.of(() -> mkdir(dir, name, attrs, caller));
    }

    FileId symlink(FileId dir, String name, String target, SetAttributes attrs, Caller caller) throws NfsException;

    /** A named pipe or socket ({@code type} FIFO or SOCKET): a name with attributes and no data. */
    FileId mknod(FileId dir, String name, FileType type, SetAttributes attrs, Caller caller) throws NfsException;

    String readlink(FileId id) throws NfsException;

    /** Adds a name for a non-directory (hard link). */
    void link(FileId file, FileId dir, String name) throws NfsException;

    /** Removes a non-directory name (ISDIR for a directory). */
    void remove(FileId dir, String name) throws NfsException;

    /** Removes an empty directory (NOTEMPTY otherwise, NOTDIR for a file). */
    void rmdir(FileId dir, String name) throws NfsException;

    /**
     * Atomic rename, replacing an existing target of a compatible type (a file over a file, a directory over an
     * empty directory); renaming a directory into its own subtree is INVAL. Never copies data.
     */
    void rename(FileId fromDir, String fromName, FileId toDir, String toName) throws NfsException;

    /**
     * How many operations have changed the directory so far, -1 if this file system cannot tell. Two reads that
     * differ by exactly one bracket exactly one change, which lets NFSv4 tell a client that the attributes it got
     * before and after its own change bracket nothing else (see {@code DirectoryWatch}).
     */
    default long directoryChanges(FileId dir) {
        return -1;
    }

    default CompletionStage<Void> removeAsync(FileId dir, String name) {
        return Completions.of(() -> {
            remove(dir, name);
            return null;
        });
    }

    default CompletionStage<Void> rmdirAsync(FileId dir, String name) {
        return Completions.of(() -> {
            rmdir(dir, name);
            return null;
        });
    }

    default CompletionStage<Void> renameAsync(FileId fromDir, String fromName, FileId toDir, String toName) {
        return Completions.of(() -> {
            rename(fromDir, fromName, toDir, toName);
            return null;
        });
    }

    /**
     * Up to {@code maxEntries} entries with a cookie greater than {@code cookie} (0 = from the start), with
     * attributes when {@code withAttributes}.
     */
    DirectoryPage readdir(FileId dir, long cookie, int maxEntries, boolean withAttributes) throws NfsException;

    FsStats fsstat(FileId id) throws NfsException;

    /** The largest size a file can reach; a write or a size set beyond it is FBIG. */
    long maxFileSize();

    /**
     * The file's extended attributes in name order, names without the "user." prefix that Linux shows (NFSv4.2
     * carries the user namespace only).
     */
    SortedMap<String, byte[]> xattrs(FileId id) throws NfsException;

    /** Sets one extended attribute of a file or directory; INVAL for a name that cannot be stored, PERM for one the server keeps. */
    void setXattr(FileId id, String name, byte[] value, XattrSetMode mode) throws NfsException, XattrException;

    void removeXattr(FileId id, String name) throws NfsException, XattrException;
}
