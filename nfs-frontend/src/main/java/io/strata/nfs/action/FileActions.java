package io.strata.nfs.action;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.access.SetIdBits;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.ReadResult;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stability;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.vfs.WriteResult;
import io.strata.nfs.xdr.ReadBuffer;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The file-system changes both NFS versions make, and their reads of file bytes, with the permission and POSIX rules
 * that go with them (who may read, who may chmod or chown, set-ID bits dropped on write and chown, sticky
 * directories). Each protocol decodes, calls one
 * of these, and encodes its own reply: the rules cannot drift apart between NFSv3 and NFSv4.
 */
public final class FileActions {
    private FileActions() {
    }

    /** What a READ hands its reply: the bytes, in a pooled buffer that the sent reply gives back, and what it saw. */
    public record ReadBytes(ReadBuffer buffer, ReadResult result) {
    }

    /**
     * READ: up to {@code count} bytes (read as unsigned; a count past {@link ReadBuffer#CAPACITY} is served short, as
     * both RFCs allow) of a regular file the caller may read. The buffer goes back to its pool if the read fails.
     */
    public static ReadBytes read(NfsContext ctx, FileId id, long offset, int count) throws NfsException {
        ReadBuffer buffer = ReadBuffer.take((int) Math.min(Integer.toUnsignedLong(count), ReadBuffer.CAPACITY));
        try {
            // Read first, then check: the read has no side effect, and its attributes spare a second lookup.
            ReadResult r = ctx.fs().read(id, offset, buffer.bytes());
            if (r.attributes().type() == FileType.DIRECTORY) {
                throw new NfsException(NfsStatus.ISDIR, "a directory");
            }
            Permissions.requireData(r.attributes(), ctx.caller(), Permissions.READ);
            return new ReadBytes(buffer, r);
        } catch (NfsException | RuntimeException e) {
            buffer.giveBack();
            throw e;
        }
    }

    /** SETATTR: checks who may change what, applies set-ID rules, returns the attributes after. */
    public static Stat setattr(NfsContext ctx, FileId id, Stat before, SetAttributes attrs) throws NfsException {
        if (attrs.size() != null && before.type() != FileType.REGULAR) {
            throw new NfsException(before.type() == FileType.DIRECTORY ? NfsStatus.ISDIR : NfsStatus.INVAL,
                    "only regular files have a settable size");
        }
        if (attrs.size() != null) {
            requireWithinMaxSize(ctx, 0, attrs.size());
        }
        Permissions.requireSetattr(before, attrs, ctx.caller());
        SetAttributes change = SetIdBits.applied(before, attrs, ctx.caller());
        return change.isEmpty() ? before : ctx.fs().setattr(id, change, null, ctx.caller());
    }

    /** WRITE: data into a regular file the caller may write; an unprivileged write drops set-ID bits. */
    public static WriteResult write(NfsContext ctx, FileId id, Stat before, long offset, ByteBuffer data,
                                    Stability stability) throws NfsException {
        requireWritableFile(ctx, before);
        requireWithinMaxSize(ctx, offset, offset + data.remaining());
        WriteResult w = ctx.fs().write(id, offset, data, stability);
        Integer withoutSetId = SetIdBits.afterWrite(before, ctx.caller());
        if (withoutSetId != null) {
            ctx.fs().setattr(id, new SetAttributes(withoutSetId, null, null, null, null, null), null, ctx.caller());
        }
        return w;
    }

    /**
     * ALLOCATE (Linux fallocate without flags): a file the caller may write grows to cover the range; a range
     * within the file changes nothing.
     */
    public static void allocate(NfsContext ctx, FileId id, Stat before, long offset, long length)
            throws NfsException {
        requireWritableFile(ctx, before);
        long end = rangeEnd(offset, length);
        requireWithinMaxSize(ctx, offset, end);
        if (end > before.size()) {
            ctx.fs().allocate(id, end);
        }
    }

    /** DEALLOCATE (Linux's punch hole): the range of a file the caller may write reads as zeros after. */
    public static void deallocate(NfsContext ctx, FileId id, Stat before, long offset, long length)
            throws NfsException {
        requireWritableFile(ctx, before);
        long end = rangeEnd(offset, length);
        if (offset >= 0 && offset < before.size()) {
            ctx.fs().deallocate(id, offset, (end < 0 ? Long.MAX_VALUE : end) - offset);
        }
    }

    private static void requireWritableFile(NfsContext ctx, Stat before) throws NfsException {
        if (before.type() != FileType.REGULAR) {
            throw new NfsException(before.type() == FileType.DIRECTORY ? NfsStatus.ISDIR : NfsStatus.INVAL,
                    "not a file");
        }
        Permissions.requireData(before, ctx.caller(), Permissions.WRITE);
    }

    /**
     * FBIG unless bytes up to {@code end} fit in a file: offsets and ends are unsigned on the wire, so a negative
     * one is past 2^63.
     */
    private static void requireWithinMaxSize(NfsContext ctx, long offset, long end) throws NfsException {
        if (offset < 0 || end < 0 || end > ctx.fs().maxFileSize()) {
            throw new NfsException(NfsStatus.FBIG, "beyond the largest file size");
        }
    }

    /** The end of an offset and length read as unsigned 64-bit numbers; INVAL if it passes 2^64. */
    private static long rangeEnd(long offset, long length) throws NfsException {
        long end = offset + length;
        if (Long.compareUnsigned(end, offset) < 0) {
            throw new NfsException(NfsStatus.INVAL, "offset + length passes 2^64");
        }
        return end;
    }

    /**
     * Removes a name the caller may remove: write and search permission on the directory, and in a sticky
     * directory ownership of the directory or the entry. {@code directory}: RMDIR, else REMOVE.
     */
    public static void remove(NfsContext ctx, FileId dir, Stat dirStat, String name, boolean directory)
            throws NfsException {
        requireRemovable(ctx, dir, dirStat, name);
        if (directory) {
            ctx.fs().rmdir(dir, name);
        } else {
            ctx.fs().remove(dir, name);
        }
    }

    /**
     * {@link #remove}, answering once the change has committed, in the thread that committed it (see
     * {@code VirtualFileSystem}).
     */
    public static CompletionStage<Void> removeAsync(NfsContext ctx, FileId dir, Stat dirStat, String name,
                                                    boolean directory) {
        try {
            requireRemovable(ctx, dir, dirStat, name);
        } catch (NfsException e) {
            return CompletableFuture.failedFuture(e);
        }
        return directory ? ctx.fs().rmdirAsync(dir, name) : ctx.fs().removeAsync(dir, name);
    }

    private static void requireRemovable(NfsContext ctx, FileId dir, Stat dirStat, String name)
            throws NfsException {
        Permissions.requireDirectoryChange(dirStat, ctx.caller());
        if (Permissions.stickyApplies(dirStat, ctx.caller())) {
            Permissions.requireStickyOwner(dirStat, ctx.fs().lookup(dir, name), ctx.caller());
        }
    }

    /** RENAME with the permission rules of both directories (and the sticky rule of the source). */
    public static void rename(NfsContext ctx, FileId fromDir, Stat fromStat, String fromName, FileId toDir,
                              Stat toStat, String toName) throws NfsException {
        requireRenamable(ctx, fromDir, fromStat, fromName, toStat);
        ctx.fs().rename(fromDir, fromName, toDir, toName);
    }

    /** {@link #rename}, answering once the change has committed (as {@link #removeAsync}). */
    public static CompletionStage<Void> renameAsync(NfsContext ctx, FileId fromDir, Stat fromStat, String fromName,
                                                    FileId toDir, Stat toStat, String toName) {
        try {
            requireRenamable(ctx, fromDir, fromStat, fromName, toStat);
        } catch (NfsException e) {
            return CompletableFuture.failedFuture(e);
        }
        return ctx.fs().renameAsync(fromDir, fromName, toDir, toName);
    }

    private static void requireRenamable(NfsContext ctx, FileId fromDir, Stat fromStat, String fromName,
                                         Stat toStat) throws NfsException {
        Permissions.requireDirectoryChange(fromStat, ctx.caller());
        Permissions.requireDirectoryChange(toStat, ctx.caller());
        if (Permissions.stickyApplies(fromStat, ctx.caller())) {
            Permissions.requireStickyOwner(fromStat, ctx.fs().lookup(fromDir, fromName), ctx.caller());
        }
    }

    /** LINK: a new name for a file (never a directory) in a directory the caller may change. */
    public static void link(NfsContext ctx, FileId file, Stat fileStat, FileId dir, Stat dirStat, String name)
            throws NfsException {
        if (fileStat.type() == FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.ISDIR, "cannot hard-link a directory");
        }
        Permissions.requireDirectoryChange(dirStat, ctx.caller());
        ctx.fs().link(file, dir, name);
    }
}
