package io.strata.nfs.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** Writes a reply body; the lambda form of an {@link org.dcache.oncrpc4j.xdr.XdrAble} that is only encoded. */
@FunctionalInterface
public interface XdrWriter {
    void write(XdrEncodingStream out) throws OncRpcException, IOException;

    XdrWriter NOTHING = out -> { };
}
