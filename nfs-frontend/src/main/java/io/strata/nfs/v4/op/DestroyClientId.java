package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** DESTROY_CLIENTID (RFC 8881 18.50): forgets a client with no sessions, and its opens. */
public final class DestroyClientId extends Operation<Long> {
    @Override
    public Long decode(XdrDecodingStream in) throws IOException {
        return in.xdrDecodeLong();
    }

    @Override
    public XdrWriter run(Long clientId, CompoundState state) throws Nfs4Exception {
        state.server().clients().destroyClient(clientId);
        return XdrWriter.NOTHING;
    }
}
