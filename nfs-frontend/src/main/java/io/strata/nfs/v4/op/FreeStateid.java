package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * FREE_STATEID (RFC 8881 18.38) frees a lock owner's stateid once it holds no lock (an open is ended by CLOSE
 * instead); DELEGRETURN (18.6) shares the code because the server hands out no delegations: any stateid it names
 * is unknown.
 */
public final class FreeStateid extends Operation<StateId> {
    private final boolean delegReturn;

    public FreeStateid(boolean delegReturn) {
        this.delegReturn = delegReturn;
    }

    @Override
    public StateId decode(XdrDecodingStream in) throws IOException {
        return Xdr4.stateId(in);
    }

    @Override
    public XdrWriter run(StateId id, CompoundState state) throws Nfs4Exception {
        if (delegReturn) {
            state.current();
        }
        if (!delegReturn && state.server().locks().exists(id)) {
            state.server().locks().free(id);
            return XdrWriter.NOTHING;
        }
        if (!delegReturn && state.server().opens().exists(id)) {
            throw new Nfs4Exception(Nfs4Status.LOCKS_HELD, "an open stateid is freed by CLOSE");
        }
        throw new Nfs4Exception(Nfs4Status.BAD_STATEID, "no such stateid " + id);
    }
}
