package io.strata.nfs.v4.op;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.attr.Fattr;
import io.strata.nfs.vfs.DirectoryPage;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FsStats;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * READDIR (RFC 8881 18.23): entries after a cookie, each with the attributes asked for, as many as fit in
 * {@code maxcount}. Cookies are the file system's own (stable, growing, never 1 or 2, which NFSv4 reserves); the
 * cookie verifier is always 0 because a cookie never goes stale.
 */
public final class Readdir extends Operation<Readdir.Args> {
    /** The cookie verifier, the end-of-list marker and eof. */
    private static final int FIXED_BYTES = 8 + 4 + 4;
    private static final int MAX_ENTRIES = 1024;
    /** Bytes of name assumed per entry (padded), for the first read: short names, so that few entries go unsent. */
    private static final int TYPICAL_NAME = 8;

    public record Args(long cookie, long verifier, int dirCount, int maxCount, int[] attrs) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(in.xdrDecodeLong(), in.xdrDecodeLong(), in.xdrDecodeInt(), in.xdrDecodeInt(),
                Xdr4.bitmap(in));
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId dir = state.current();
        Stat dirStat = state.ctx().fs().getattr(dir);
        Lookup.requireDirectory(dirStat);
        Permissions.require(dirStat, state.ctx().caller(), Permissions.READ);
        if (a.cookie() == 1 || a.cookie() == 2) {
            throw new Nfs4Exception(Nfs4Status.BAD_COOKIE, "cookies 1 and 2 are reserved");
        }
        int budget = (int) Math.min(Integer.toUnsignedLong(a.maxCount()), 1 << 20) - FIXED_BYTES;
        FsStats[] fsStats = new FsStats[1];
        Fattr.FsStatsSource once = () -> {
            if (fsStats[0] == null) {
                fsStats[0] = state.ctx().fs().fsstat(dir);
            }
            return fsStats[0];
        };
        int[] reported = Fattr.reported(a.attrs());
        int bitmapBytes = Xdr4.bitmapBytes(reported);
        // The directory's own attributes take about the room each entry's will: the first read asks for as many
        // entries as that fills, so a READDIR is one index query, not a few to find the entry size out first.
        byte[] dirValues = Fattr.values(a.attrs(), dirStat, () -> state.ctx().handles().encode(dir), once);
        int typical = 4 + 8 + 4 + TYPICAL_NAME + bitmapBytes + 4 + pad(dirValues.length);
        List<Entry> entries = new ArrayList<>();
        int used = 0;
        long cookie = a.cookie();
        boolean full = false;
        boolean eof = false;
        while (!full && !eof && entries.size() < MAX_ENTRIES) {
            DirectoryPage page = state.ctx().fs().readdir(dir, cookie, wanted(entries.size(), used, budget, typical),
                    true);
            for (DirectoryPage.Entry e : page.entries()) {
                if (e.stat() == null) {
                    cookie = e.cookie();
                    continue; // removed between listing and reading its attributes
                }
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                byte[] values = Fattr.values(a.attrs(), e.stat(), () -> state.ctx().handles().encode(e.id()), once);
                int size = 4 + 8 + 4 + pad(name.length) + bitmapBytes + 4 + pad(values.length);
                if (used + size > budget) {
                    full = true;
                    break;
                }
                used += size;
                cookie = e.cookie();
                entries.add(new Entry(e.cookie(), name, values));
            }
            eof = !full && page.eof();
        }
        if (entries.isEmpty() && full) {
            throw new Nfs4Exception(Nfs4Status.TOOSMALL, "maxcount " + a.maxCount() + " holds no entry");
        }
        boolean end = eof;
        return out -> {
            out.xdrEncodeLong(0); // cookie verifier
            for (Entry e : entries) {
                out.xdrEncodeBoolean(true);
                out.xdrEncodeLong(e.cookie());
                out.xdrEncodeDynamicOpaque(e.name());
                Xdr4.bitmap(out, reported);
                out.xdrEncodeDynamicOpaque(e.values());
            }
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(end);
        };
    }

    /**
     * Entries to read next: first one more than the budget holds at the typical size, then as many as the rest of it
     * holds at the size the entries so far took. Every entry read costs its attributes, so the guess must not be
     * far below the real size (a guess of the smallest possible entry would read several times too many).
     */
    private static int wanted(int listed, int used, int budget, int typical) {
        int room = MAX_ENTRIES - listed;
        if (listed == 0) {
            return Math.min(room, budget / typical + 1); // one more than fits: it shows the reply is full
        }
        int average = Math.max(1, used / listed);
        return Math.max(1, Math.min(room, (budget - used) / average + 1));
    }

    private record Entry(long cookie, byte[] name, byte[] values) {
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }
}
