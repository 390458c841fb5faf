package io.strata.nfs.v3;

import java.io.IOException;
import io.strata.nfs.xdr.XdrReader;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** diropargs3: a directory handle and a name in it (raw bytes; checked by {@link Names}). */
public record DirOp(byte[] dir, byte[] name) {
    /** Largest handle the wire may carry (NFS3_FHSIZE). */
    public static final int MAX_HANDLE = 64;

    public static DirOp decode(XdrDecodingStream in) throws IOException {
        return new DirOp(handle(in), XdrReader.string(in));
    }

    public static byte[] handle(XdrDecodingStream in) throws IOException {
        return XdrReader.opaque(in, MAX_HANDLE);
    }
}
