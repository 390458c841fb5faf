package io.strata.nfs.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** An RPC reply body built from an {@link XdrWriter}. */
public final class Reply implements XdrAble {
    private final XdrWriter writer;

    public Reply(XdrWriter writer) {
        this.writer = writer;
    }

    @Override
    public void xdrEncode(XdrEncodingStream out) throws OncRpcException, IOException {
        writer.write(out);
    }

    @Override
    public void xdrDecode(XdrDecodingStream in) {
        throw new UnsupportedOperationException("replies are only encoded");
    }
}
