package io.strata.nfs.v4.op;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.xdr.XdrWriter;
import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** READLINK: the target as stored. */
public final class Readlink extends Operation<Void> {
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
        byte[] target = state.ctx().fs().readlink(state.current()).getBytes(StandardCharsets.UTF_8);
        return out -> out.xdrEncodeDynamicOpaque(target);
    }
}
