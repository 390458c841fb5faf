package io.strata.nfs.testing;

import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.Xdr;

/** Bytes on the wire, without a socket: encode with a writer, then read back as a client would. */
public final class Wire {
    private Wire() {
    }

    /** Encodes and returns an {@link Xdr} positioned for decoding what was written. */
    public static Xdr roundTrip(XdrWriter writer) throws Exception {
        Xdr in = new Xdr(bytes(writer));
        in.beginDecoding();
        return in;
    }

    public static byte[] bytes(XdrWriter writer) throws Exception {
        Xdr out = new Xdr(Xdr.INITIAL_XDR_SIZE);
        out.beginEncoding();
        writer.write(out);
        out.endEncoding();
        return out.getBytes();
    }
}
