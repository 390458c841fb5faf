package io.strata.nfs.v4.op;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.state.LockTable;
import io.strata.nfs.xdr.XdrWriter;

/** Lock ranges and types as the wire has them (RFC 8881 18.10.3), and LOCK4denied. */
final class LockRanges {
    static final int READ_LT = 1;
    static final int WRITE_LT = 2;
    static final int READW_LT = 3;
    static final int WRITEW_LT = 4;
    /** A length of all ones: to the end of the file, however long it gets. */
    private static final long TO_END = -1L;

    private LockRanges() {
    }

    static boolean isWrite(int type) throws Nfs4Exception {
        return switch (type) {
            case READ_LT, READW_LT -> false;
            case WRITE_LT, WRITEW_LT -> true;
            default -> throw new Nfs4Exception(Nfs4Status.INVAL, "lock type " + type);
        };
    }

    /** The exclusive end of [offset, offset + length), Long.MAX_VALUE for "to the end". */
    static long end(long offset, long length) throws Nfs4Exception {
        if (length == 0) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "a lock of length 0");
        }
        if (offset < 0) {
            throw new Nfs4Exception(Nfs4Status.BAD_RANGE, "offset beyond 2^63");
        }
        if (length == TO_END || length < 0 || offset + length < 0) {
            return Long.MAX_VALUE;
        }
        return offset + length;
    }

    /** LOCK4denied: the conflicting lock's range, type and owner. */
    static Nfs4Exception denied(LockTable.Range held) {
        long length = held.end() == Long.MAX_VALUE ? TO_END : held.end() - held.start();
        long clientId = held.owner().clientId();
        byte[] owner = held.owner().bytes();
        XdrWriter body = out -> {
            out.xdrEncodeLong(held.start());
            out.xdrEncodeLong(length);
            out.xdrEncodeInt(held.write() ? WRITE_LT : READ_LT);
            out.xdrEncodeLong(clientId);
            out.xdrEncodeDynamicOpaque(owner);
        };
        return new Nfs4Exception(Nfs4Status.DENIED, "conflicts with a lock of " + held.owner(), body);
    }
}
