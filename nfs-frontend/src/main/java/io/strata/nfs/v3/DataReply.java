package io.strata.nfs.v3;

import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * A reply body that also says how many file bytes the call moved: only the procedure knows (a READ may come
 * back short), and {@link Nfs3Program} counts them without decoding the reply.
 *
 * @param written true for bytes a WRITE took, false for bytes a READ returned
 */
public record DataReply(boolean written, int bytes, XdrWriter body) implements XdrWriter {
    public static DataReply read(int bytes, XdrWriter body) {
        return new DataReply(false, bytes, body);
    }

    public static DataReply written(int bytes, XdrWriter body) {
        return new DataReply(true, bytes, body);
    }

    @Override
    public void write(XdrEncodingStream out) throws OncRpcException, IOException {
        body.write(out);
    }
}
