package io.strata.nfs.xdr;

import java.io.IOException;
import io.strata.nfs.vfs.SetAttributes;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** sattr3 (RFC 1813 2.5): each attribute is optional; times may be the client's or "the server's now". */
public final class Sattr {
    private static final int DONT_CHANGE = 0;
    private static final int SET_TO_SERVER_TIME = 1;

    private Sattr() {
    }

    public static SetAttributes decode(XdrDecodingStream in) throws IOException {
        Integer mode = XdrReader.bool(in) ? in.xdrDecodeInt() & 07777 : null;
        Integer uid = XdrReader.bool(in) ? in.xdrDecodeInt() : null;
        Integer gid = XdrReader.bool(in) ? in.xdrDecodeInt() : null;
        Long size = XdrReader.bool(in) ? in.xdrDecodeLong() : null;
        if (size != null && size < 0) {
            throw new GarbageArgsException("size beyond 2^63");
        }
        Long atime = time(in);
        Long mtime = time(in);
        return new SetAttributes(mode, uid, gid, size, atime, mtime);
    }

    private static Long time(XdrDecodingStream in) throws IOException {
        int how = XdrReader.enumValue(in, 2);
        if (how == DONT_CHANGE) {
            return null;
        }
        return how == SET_TO_SERVER_TIME ? SetAttributes.SERVER_TIME : NfsTime.decode(in);
    }
}
