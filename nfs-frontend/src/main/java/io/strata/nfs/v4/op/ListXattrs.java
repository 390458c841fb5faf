package io.strata.nfs.v4.op;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * LISTXATTRS (RFC 8276 8.4.3): names from a cookie (the index of the next name, in name order), as many as fit
 * in {@code maxcount}.
 */
public final class ListXattrs extends Operation<ListXattrs.Args> {
    /** The returned cookie, the array's length and eof. */
    private static final int FIXED_BYTES = 8 + 4 + 4;

    public record Args(long cookie, int maxCount) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(in.xdrDecodeLong(), in.xdrDecodeInt());
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId id = state.current();
        Stat s = state.ctx().fs().getattr(id);
        Permissions.requireData(s, state.ctx().caller(), Permissions.READ);
        List<String> all = new ArrayList<>(state.ctx().fs().xattrs(id).keySet());
        if (a.cookie() < 0 || a.cookie() > all.size()) {
            throw new Nfs4Exception(Nfs4Status.BAD_COOKIE, "cookie " + a.cookie());
        }
        long budget = Integer.toUnsignedLong(a.maxCount()) - FIXED_BYTES;
        List<byte[]> names = new ArrayList<>();
        int next = (int) a.cookie();
        while (next < all.size()) {
            byte[] name = all.get(next).getBytes(StandardCharsets.UTF_8);
            long size = 4 + ((name.length + 3) & ~3);
            if (size > budget) {
                break;
            }
            budget -= size;
            names.add(name);
            next++;
        }
        if (names.isEmpty() && next < all.size()) {
            throw new Nfs4Exception(Nfs4Status.TOOSMALL, "maxcount " + a.maxCount() + " holds no name");
        }
        long cookie = next;
        boolean eof = next == all.size();
        return out -> {
            out.xdrEncodeLong(cookie);
            out.xdrEncodeInt(names.size());
            for (byte[] n : names) {
                out.xdrEncodeDynamicOpaque(n);
            }
            out.xdrEncodeBoolean(eof);
        };
    }
}
