package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** SAVEFH: remembers the current handle (RENAME and LINK take their source from it). */
public final class SaveFh extends Operation<Void> {
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
        state.save();
        return XdrWriter.NOTHING;
    }
}
