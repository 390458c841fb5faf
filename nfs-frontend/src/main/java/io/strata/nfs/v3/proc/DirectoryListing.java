package io.strata.nfs.v3.proc;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.DirectoryPage;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries READDIR and READDIRPLUS return, fitted to the client's byte budget. "." and ".." come first with
 * cookies 1 and 2; the file system's own cookies are larger (they come from the inode id sequence, which starts at
 * 1000), stable while an entry exists, and growing, so paging never skips or repeats an entry. The cookie
 * verifier is always 0: a cookie never needs one.
 */
final class DirectoryListing {
    static final long DOT_COOKIE = 1;
    static final long DOTDOT_COOKIE = 2;
    private static final int MAX_ENTRIES = 4096;

    record Item(String name, byte[] utf8, long cookie, FileId id, Stat stat) {
    }

    record Listing(Stat dirStat, List<Item> items, boolean eof) {
    }

    /**
     * @param entryBytes encoded bytes of one entry besides its name
     * @param budget     bytes available for entries
     */
    static Listing list(NfsContext ctx, byte[] handle, long cookie, int entryBytes, long budget, boolean plus)
            throws NfsException {
        FileId dir = ctx.file(handle);
        Stat dirStat = ctx.fs().getattr(dir);
        if (dirStat.type() != FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.NOTDIR, "not a directory");
        }
        Permissions.require(dirStat, ctx.caller(), Permissions.READ);
        List<Item> items = new ArrayList<>();
        long used = 0;
        if (cookie == 0) {
            items.add(new Item(".", bytes("."), DOT_COOKIE, dir, plus ? dirStat : null));
        }
        if (cookie <= DOT_COOKIE) {
            FileId parent = ctx.fs().parentOf(dir);
            items.add(new Item("..", bytes(".."), DOTDOT_COOKIE, parent, plus ? ctx.statOrNull(parent) : null));
        }
        for (Item i : items) {
            used += entryBytes + padded(i.utf8().length);
        }
        long after = cookie <= DOTDOT_COOKIE ? 0 : cookie;
        int want = (int) Math.max(1, Math.min(MAX_ENTRIES, (budget - used) / (entryBytes + 4)));
        DirectoryPage page = ctx.fs().readdir(dir, after, want, plus);
        boolean eof = page.eof();
        for (DirectoryPage.Entry e : page.entries()) {
            byte[] utf8 = bytes(e.name());
            long size = entryBytes + padded(utf8.length);
            if (used + size > budget) {
                eof = false;
                break;
            }
            used += size;
            items.add(new Item(e.name(), utf8, e.cookie(), e.id(), e.stat()));
        }
        if (items.isEmpty() && !eof) {
            throw new NfsException(NfsStatus.TOOSMALL, "the reply budget fits no entry");
        }
        return new Listing(dirStat, items, eof);
    }

    static int padded(int n) {
        return 4 + ((n + 3) & ~3);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
