package io.strata.nfs.v4;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The change_info4 of an operation that changes a directory (RFC 8881 3.3.6): the directory's change attribute
 * before and after, and whether those two bracket this operation alone ("atomic"). A Linux client told so keeps
 * the names of the directory it has cached; told otherwise, it looks each of them up again before it trusts them,
 * which was a LOOKUP per file of an {@code rm -r} and of a loop of {@code mv}.
 *
 * <p>Start the watch before the operation reads anything, finish it once the change is done. It reads the
 * directory's change count ({@code VirtualFileSystem.directoryChanges}) before the attributes at the start and after
 * them at the finish: if the count moved by exactly the operation's own changes, nothing else changed the
 * directory between the two reads of its attributes. Reading in that order can only err towards "not atomic".
 */
public final class DirectoryWatch {
    private final NfsContext ctx;
    private final FileId dir;
    private final long countBefore;
    private final Stat before;

    private DirectoryWatch(NfsContext ctx, FileId dir, long countBefore, Stat before) {
        this.ctx = ctx;
        this.dir = dir;
        this.countBefore = countBefore;
        this.before = before;
    }

    public static DirectoryWatch start(NfsContext ctx, FileId dir) throws NfsException {
        long count = ctx.fs().directoryChanges(dir);
        return new DirectoryWatch(ctx, dir, count, ctx.fs().getattr(dir));
    }

    /** The directory's attributes when the watch started. */
    public Stat before() {
        return before;
    }

    /**
     * @param changes how many operations of the caller changed the directory since the start: 1, or 0 when it
     *                ended up only looking (an OPEN of an existing file)
     */
    public ChangeInfo finish(int changes) {
        Stat after = ctx.statOrNull(dir);
        long count = ctx.fs().directoryChanges(dir);
        boolean atomic = countBefore >= 0 && after != null && count == countBefore + changes;
        return new ChangeInfo(atomic, before, after == null ? before : after);
    }

    /** A change_info4 as it goes on the wire. */
    public record ChangeInfo(boolean atomic, Stat before, Stat after) {
        public void write(XdrEncodingStream out) {
            Xdr4.changeInfo(out, atomic, before, after);
        }
    }
}
