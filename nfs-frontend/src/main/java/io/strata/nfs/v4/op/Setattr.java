package io.strata.nfs.v4.op;

import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.attr.NewAttrs;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** SETATTR (RFC 8881 18.30): the same rules as NFSv3 SETATTR; the result always carries what was set. */
public final class Setattr extends Operation<Setattr.Args> {
    public record Args(StateId stateId, NewAttrs.Raw attrs) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(Xdr4.stateId(in), NewAttrs.Raw.decode(in));
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId id = state.current();
        NewAttrs attrs = a.attrs().parse();
        if (attrs.attributes().size() != null) {
            Opens.check(state, a.stateId(), id);
        }
        Stat before = state.ctx().fs().getattr(id);
        FileActions.setattr(state.ctx(), id, before, attrs.attributes());
        return attrs::encodeSet;
    }

    @Override
    public XdrWriter failed(Args a, Nfs4Status status) {
        return out -> Xdr4.bitmap(out, new int[0]);
    }
}
