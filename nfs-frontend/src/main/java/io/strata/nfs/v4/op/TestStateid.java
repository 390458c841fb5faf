package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.xdr.GarbageArgsException;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** TEST_STATEID (RFC 8881 18.48): which of the client's stateids the server still knows (after a restart: none). */
public final class TestStateid extends Operation<List<StateId>> {
    private static final int MAX = 1024;

    @Override
    public List<StateId> decode(XdrDecodingStream in) throws IOException {
        int n = in.xdrDecodeInt();
        if (n < 0 || n > MAX) {
            throw new GarbageArgsException(n + " stateids");
        }
        List<StateId> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(Xdr4.stateId(in));
        }
        return ids;
    }

    @Override
    public XdrWriter run(List<StateId> ids, CompoundState state) {
        int[] codes = new int[ids.size()];
        for (int i = 0; i < codes.length; i++) {
            StateId id = ids.get(i);
            boolean known = !id.isSpecial()
                    && (state.server().opens().exists(id) || state.server().locks().exists(id));
            codes[i] = (known ? Nfs4Status.OK : Nfs4Status.BAD_STATEID).code();
        }
        return out -> {
            out.xdrEncodeInt(codes.length);
            for (int c : codes) {
                out.xdrEncodeInt(c);
            }
        };
    }
}
