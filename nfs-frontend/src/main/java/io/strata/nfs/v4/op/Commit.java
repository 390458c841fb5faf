package io.strata.nfs.v4.op;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** COMMIT (RFC 8881 18.3): every write to the file becomes durable and visible to S3 (the range is not needed). */
public final class Commit extends Operation<Void> {
    @Override
    public Void decode(XdrDecodingStream in) throws IOException {
        in.xdrDecodeLong(); // offset
        in.xdrDecodeInt(); // count
        return null;
    }

    @Override
    public XdrWriter run(Void none, CompoundState state) throws NfsException, Nfs4Exception {
        state.ctx().fs().commit(state.current());
        long verifier = state.ctx().fs().writeVerifier();
        return out -> out.xdrEncodeLong(verifier);
    }
}
