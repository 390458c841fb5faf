package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.state.Session;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** DESTROY_SESSION (RFC 8881 18.37): what a client sends at unmount. */
public final class DestroySession extends Operation<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return in.xdrDecodeOpaque(Session.ID_BYTES);
    }

    @Override
    public XdrWriter run(byte[] sessionId, CompoundState state) throws Nfs4Exception {
        state.server().clients().destroySession(sessionId);
        return XdrWriter.NOTHING;
    }
}
