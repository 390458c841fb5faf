package io.strata.nfs.v3.proc;

import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** NULL: a ping. */
public final class Null3 extends Procedure<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public XdrWriter run(Void args, NfsContext ctx) {
        return XdrWriter.NOTHING;
    }

    @Override
    public XdrWriter failed(Void args, NfsContext ctx) {
        return XdrWriter.NOTHING;
    }
}
