package io.strata.nfs.v4.attr;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.vfs.SetAttributes;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * Attributes a client sets (SETATTR, and creation attributes of OPEN and CREATE), decoded from an fattr4: size,
 * mode, owner, owner_group and the two times. Any other attribute the server has is read-only (INVAL); one it does
 * not have is ATTRNOTSUPP. Owners are numeric strings, as Linux clients send them with AUTH_SYS.
 *
 * @param set the bitmap of what the request sets, which replies echo as attrsset
 */
public record NewAttrs(SetAttributes attributes, int[] set) {
    public static final NewAttrs NONE = new NewAttrs(SetAttributes.NONE, new int[0]);
    private static final int MAX_OWNER = 1024;

    /** The raw fattr4, decoded as part of the arguments; its values are checked when the operation runs. */
    public record Raw(int[] bitmap, byte[] values) {
        public static final Raw EMPTY = new Raw(new int[0], new byte[0]);

        public static Raw decode(XdrDecodingStream in) throws IOException {
            return new Raw(Xdr4.bitmap(in), Xdr4.opaque(in));
        }

        public NewAttrs parse() throws Nfs4Exception {
            return NewAttrs.parse(bitmap, values);
        }
    }

    public static NewAttrs parse(int[] bitmap, byte[] values) throws Nfs4Exception {
        AttrReader in = new AttrReader(values);
        Integer mode = null;
        Integer uid = null;
        Integer gid = null;
        Long size = null;
        Long atime = null;
        Long mtime = null;
        for (int bit = 0; bit < Bitmaps.limit(bitmap); bit++) {
            if (!Bitmaps.has(bitmap, bit)) {
                continue;
            }
            switch (bit) {
                case Fattr.SIZE -> size = in.getLong();
                case Fattr.MODE -> mode = in.getInt() & 07777;
                case Fattr.OWNER -> uid = id(in.getOpaque(MAX_OWNER));
                case Fattr.OWNER_GROUP -> gid = id(in.getOpaque(MAX_OWNER));
                case Fattr.TIME_ACCESS_SET -> atime = time(in);
                case Fattr.TIME_MODIFY_SET -> mtime = time(in);
                default -> throw new Nfs4Exception(Bitmaps.has(Fattr.SUPPORTED, bit) ? Nfs4Status.INVAL
                        : Nfs4Status.ATTRNOTSUPP, "attribute " + bit + " cannot be set");
            }
        }
        if (!in.done()) {
            throw new Nfs4Exception(Nfs4Status.BADXDR, "attribute values longer than their bitmap says");
        }
        if (size != null && size < 0) {
            throw new Nfs4Exception(Nfs4Status.FBIG, "size beyond 2^63");
        }
        return new NewAttrs(new SetAttributes(mode, uid, gid, size, atime, mtime), bitmap.clone());
    }

    /** An owner string: the decimal uid or gid (RFC 8881 5.9 allows it for AUTH_SYS). */
    private static int id(byte[] raw) throws Nfs4Exception {
        String s = Xdr4.text(raw);
        try {
            return Integer.parseUnsignedInt(s);
        } catch (NumberFormatException e) {
            throw new Nfs4Exception(Nfs4Status.BADOWNER, "owner '" + s + "' is not a number");
        }
    }

    /** settime4: the server's time, or the client's nfstime4. */
    private static long time(AttrReader in) throws Nfs4Exception {
        int how = in.getInt();
        if (how == 0) {
            return SetAttributes.SERVER_TIME;
        }
        if (how != 1) {
            throw new Nfs4Exception(Nfs4Status.BADXDR, "time_how4 " + how);
        }
        long seconds = in.getLong();
        int nanos = in.getInt();
        if (nanos < 0 || nanos >= 1_000_000_000) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "nanoseconds " + Integer.toUnsignedString(nanos));
        }
        try {
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
        } catch (ArithmeticException e) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "time beyond the year 2262");
        }
    }

    /** Writes {@link #set} as a bitmap4 (attrsset). */
    public void encodeSet(XdrEncodingStream out) {
        Xdr4.bitmap(out, set);
    }
}
