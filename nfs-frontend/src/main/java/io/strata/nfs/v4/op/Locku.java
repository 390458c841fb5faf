package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.state.LockTable;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** LOCKU (RFC 8881 18.12): releases the owner's locks on a range (splitting a larger one if need be). */
public final class Locku extends Operation<Locku.Args> {
    public record Args(StateId lockStateId, long offset, long length) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        in.xdrDecodeInt(); // lock type: an unlock is an unlock
        in.xdrDecodeInt(); // seqid
        StateId id = Xdr4.stateId(in);
        return new Args(id, in.xdrDecodeLong(), in.xdrDecodeLong());
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws Nfs4Exception {
        LockTable locks = state.server().locks();
        LockTable.LockState owner = locks.find(state.resolve(a.lockStateId()));
        if (!owner.file().equals(state.current())) {
            throw new Nfs4Exception(Nfs4Status.BAD_STATEID, "the lock stateid is for another file");
        }
        StateId after = locks.unlock(owner, a.offset(), LockRanges.end(a.offset(), a.length()));
        return out -> Xdr4.stateId(out, after);
    }
}
