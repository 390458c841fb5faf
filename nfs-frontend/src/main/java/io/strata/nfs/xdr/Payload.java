package io.strata.nfs.xdr;

import java.nio.ByteBuffer;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** File bytes in a reply (READ's data): an XDR opaque that the reply refers to instead of copying, when it can. */
public final class Payload {
    private Payload() {
    }

    /**
     * Encodes {@code data} as a variable-length opaque. On oncrpc4j's own stream the bytes join the reply as one more
     * buffer (a 1 MiB READ skips a 1 MiB copy); the caller must not change {@code data} afterwards.
     */
    public static void encode(XdrEncodingStream out, byte[] data) {
        if (out instanceof Xdr xdr) {
            xdr.xdrEncodeShallowByteBuffer(ByteBuffer.wrap(data));
        } else {
            out.xdrEncodeDynamicOpaque(data);
        }
    }
}
