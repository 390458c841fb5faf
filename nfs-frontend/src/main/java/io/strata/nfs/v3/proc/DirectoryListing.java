package io.strata.nfs.v3.proc;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.DirectoryPage;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

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

    /** What READDIRPLUS adds after each entry's cookie (READDIR: nothing). */
    @FunctionalInterface
    interface EntryTail {
        void write(XdrEncodingStream out, Item item);
    }

    /** Reply bytes besides the entries: status, dir post_op_attr, cookieverf, end of list, eof. */
    private static final int FIXED = 4 + 4 + Attrs.FATTR3_BYTES + 8 + 4 + 4;

    /**
     * @param entryBytes encoded bytes of one entry besides its name
     * @param replyLimit the client's limit on the whole reply (count, or maxcount), capped at {@link Fsinfo3#MAX_IO}
     */
    static Listing list(NfsContext ctx, byte[] handle, long cookie, int entryBytes, int replyLimit, boolean plus)
            throws NfsException {
        long budget = Math.min(Integer.toUnsignedLong(replyLimit), Fsinfo3.MAX_IO) - FIXED;
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

    /** The READDIR3resok / READDIRPLUS3resok body: the entries, each followed by {@code tail}. */
    static XdrWriter reply(Listing l, EntryTail tail) {
        return out -> {
            Attrs.postOp(out, l.dirStat());
            out.xdrEncodeLong(0); // cookie verifier
            for (Item i : l.items()) {
                out.xdrEncodeBoolean(true);
                out.xdrEncodeLong(i.id().inode());
                out.xdrEncodeDynamicOpaque(i.utf8());
                out.xdrEncodeLong(i.cookie());
                tail.write(out, i);
            }
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(l.eof());
        };
    }

    static int padded(int n) {
        return 4 + ((n + 3) & ~3);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
