package io.strata.nfs.action;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;

/**
 * A directory's attributes before and after a change of its names, and whether those two bracket that change
 * alone. NFSv4 says so in change_info4 ("atomic", RFC 8881 3.3.6): a Linux client told so keeps the names of the
 * directory it has cached, and one told otherwise looks each of them up again, which was a LOOKUP per file of an
 * {@code rm -r} and of a loop of {@code mv}. NFSv3 says so by sending the attributes before in wcc_data (RFC 1813
 * 2.6): a client that finds them equal to what it cached takes the change as its own alone and keeps its cache, so
 * they are sent only when that is true.
 *
 * <p>Start the watch before the operation reads anything, finish it once the change is done. It reads the
 * directory's change count ({@code VirtualFileSystem.directoryChanges}) before the attributes at the start and after
 * them at the finish: if the count moved by exactly the operation's own changes, nothing else changed the
 * directory between the two reads of its attributes. Reading in that order can only err towards "not alone".
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
    public Change finish(int changes) {
        Stat after = ctx.statOrNull(dir);
        long count = ctx.fs().directoryChanges(dir);
        boolean alone = countBefore >= 0 && after != null && count == countBefore + changes;
        return new Change(before, after, alone);
    }

    /**
     * @param after null if the directory is gone
     * @param alone whether nothing but the caller's operation changed the directory between {@code before} and
     *              {@code after}
     */
    public record Change(Stat before, Stat after, boolean alone) {
        /** The attributes before for NFSv3's wcc_data: only when they are the directory's just before this change. */
        public Stat preOp() {
            return alone ? before : null;
        }
    }
}
