package io.strata.nfs.v4.op;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** PUTFH: the same handles as NFSv3 (BADHANDLE when it is not one of ours; a removed file shows as STALE later). */
public final class PutFh extends Operation<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return Xdr4.handle(in);
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(byte[] handle, CompoundState state) throws NfsException {
        state.current(state.ctx().file(handle));
        return XdrWriter.NOTHING;
    }
}
