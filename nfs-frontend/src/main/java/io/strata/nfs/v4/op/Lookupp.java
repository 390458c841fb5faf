package io.strata.nfs.v4.op;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** LOOKUPP: the parent directory; the root has none (NOENT). */
public final class Lookupp extends Operation<Void> {
    @Override
    public Void decode(XdrDecodingStream in) {
        return null;
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(Void none, CompoundState state) throws NfsException, Nfs4Exception {
        FileId dir = state.current();
        Stat dirStat = state.ctx().fs().getattr(dir);
        Lookup.requireDirectory(dirStat);
        Permissions.require(dirStat, state.ctx().caller(), Permissions.EXECUTE);
        FileId parent = state.ctx().fs().parentOf(dir);
        if (parent.equals(dir)) {
            throw new Nfs4Exception(Nfs4Status.NOENT, "the root has no parent");
        }
        state.current(parent);
        return XdrWriter.NOTHING;
    }
}
