package io.strata.nfs.v4.op;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** PUTROOTFH (and PUTPUBFH): the namespace root, whose entries are the buckets. */
public final class PutRootFh extends Operation<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(Void none, CompoundState state) throws NfsException {
        state.current(state.ctx().fs().resolveExport("/"));
        return XdrWriter.NOTHING;
    }
}
