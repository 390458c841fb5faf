package io.strata.nfs.xdr;

import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** fattr3, post_op_attr, pre_op_attr and wcc_data (RFC 1813 2.5, 2.6). */
public final class Attrs {
    /** One file system for every export: a rename between buckets is a rename, not a copy (no EXDEV). */
    public static final long FSID = 0x5354524154410001L;

    /** Encoded size of a fattr3, for READDIRPLUS budgets. */
    public static final int FATTR3_BYTES = 84;

    private Attrs() {
    }

    public static void fattr3(XdrEncodingStream out, Stat s) {
        out.xdrEncodeInt(typeCode(s.type()));
        out.xdrEncodeInt(s.mode() & 07777);
        out.xdrEncodeInt(s.nlink());
        out.xdrEncodeInt(s.uid());
        out.xdrEncodeInt(s.gid());
        out.xdrEncodeLong(s.size());
        out.xdrEncodeLong(s.used());
        out.xdrEncodeInt(0); // rdev: no devices are stored
        out.xdrEncodeInt(0);
        out.xdrEncodeLong(FSID);
        out.xdrEncodeLong(s.id().inode());
        NfsTime.encode(out, s.atimeNanos());
        NfsTime.encode(out, s.mtimeNanos());
        NfsTime.encode(out, s.ctimeNanos());
    }

    /** post_op_attr: the attributes, or none when {@code s} is null. */
    public static void postOp(XdrEncodingStream out, Stat s) {
        out.xdrEncodeBoolean(s != null);
        if (s != null) {
            fattr3(out, s);
        }
    }

    /** wcc_data: size, mtime and ctime before the change, full attributes after. */
    public static void wcc(XdrEncodingStream out, Stat before, Stat after) {
        out.xdrEncodeBoolean(before != null);
        if (before != null) {
            out.xdrEncodeLong(before.size());
            NfsTime.encode(out, before.mtimeNanos());
            NfsTime.encode(out, before.ctimeNanos());
        }
        postOp(out, after);
    }

    public static int typeCode(FileType type) {
        return switch (type) {
            case REGULAR -> 1;
            case DIRECTORY -> 2;
            case SYMLINK -> 5;
            case SOCKET -> 6;
            case FIFO -> 7;
        };
    }
}
