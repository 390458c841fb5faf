package io.strata.nfs.v4.op;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.attr.Fattr;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** GETATTR: the asked attributes the server has, of the current file. */
public final class Getattr extends Operation<int[]> {
    @Override
    public int[] decode(XdrDecodingStream in) throws IOException {
        return Xdr4.bitmap(in);
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(int[] requested, CompoundState state) throws NfsException, Nfs4Exception {
        FileId id = state.current();
        Stat s = state.ctx().fs().getattr(id);
        return attributes(state, requested, s);
    }

    static XdrWriter attributes(CompoundState state, int[] requested, Stat s) throws NfsException {
        return Fattr.encode(requested, s, () -> state.ctx().handles().encode(s.id()),
                () -> state.ctx().fs().fsstat(s.id()));
    }
}
