package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.state.Session;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * BIND_CONN_TO_SESSION (RFC 8881 18.34): any connection may carry any session's fore channel here, so binding
 * only confirms the session exists; the answer is always "fore channel" (there is no back channel).
 */
public final class BindConnToSession extends Operation<byte[]> {
    private static final int CDFS4_FORE = 1;

    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        byte[] id = in.xdrDecodeOpaque(Session.ID_BYTES);
        in.xdrDecodeInt(); // direction asked for
        XdrReader.bool(in); // RDMA mode
        return id;
    }

    @Override
    public XdrWriter run(byte[] sessionId, CompoundState state) throws Nfs4Exception {
        Session s = state.server().clients().session(sessionId);
        byte[] id = s.id();
        return out -> {
            out.xdrEncodeOpaque(id, Session.ID_BYTES);
            out.xdrEncodeInt(CDFS4_FORE);
            out.xdrEncodeBoolean(false);
        };
    }
}
