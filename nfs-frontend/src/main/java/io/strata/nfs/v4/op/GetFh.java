package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** GETFH: the current file handle. */
public final class GetFh extends Operation<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(Void none, CompoundState state) throws Nfs4Exception {
        byte[] handle = state.ctx().handles().encode(state.current());
        return out -> out.xdrEncodeDynamicOpaque(handle);
    }
}
