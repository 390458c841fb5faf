package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** CLOSE (RFC 8881 18.2): ends an open; the reply carries the "invalid" special stateid, as 4.1 recommends. */
public final class Close extends Operation<StateId> {
    @Override
    public StateId decode(XdrDecodingStream in) throws IOException {
        in.xdrDecodeInt(); // seqid: unused in NFSv4.1
        return Xdr4.stateId(in);
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(StateId id, CompoundState state) throws Nfs4Exception {
        state.current(); // CLOSE needs a current file handle, though the stateid says which open
        state.server().opens().close(state.resolve(id));
        return out -> Xdr4.stateId(out, StateId.INVALID);
    }
}
