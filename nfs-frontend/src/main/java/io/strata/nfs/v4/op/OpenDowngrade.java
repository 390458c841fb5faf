package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** OPEN_DOWNGRADE (RFC 8881 18.18): keeps an open with less access. */
public final class OpenDowngrade extends Operation<OpenDowngrade.Args> {
    public record Args(StateId id, int access) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        StateId id = Xdr4.stateId(in);
        in.xdrDecodeInt(); // seqid
        int access = in.xdrDecodeInt();
        in.xdrDecodeInt(); // deny
        return new Args(id, access);
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws Nfs4Exception {
        state.current();
        StateId after = state.server().opens().downgrade(state.resolve(a.id()),
                a.access() & (Open.ACCESS_READ | Open.ACCESS_WRITE));
        state.currentStateId(after);
        return out -> Xdr4.stateId(out, after);
    }
}
