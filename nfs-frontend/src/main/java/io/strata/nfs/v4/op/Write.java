package io.strata.nfs.v4.op;

import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DataReply;
import io.strata.nfs.v3.proc.Fsinfo3;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stability;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.vfs.WriteResult;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * WRITE (RFC 8881 18.32): UNSTABLE writes are answered from the file's write buffer, FILE_SYNC and DATA_SYNC once
 * durable and visible to S3, exactly as NFSv3 WRITE (same verifier, same rules).
 */
public final class Write extends Operation<Write.Args> {
    public record Args(StateId stateId, long offset, Stability stable, byte[] data) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        StateId id = Xdr4.stateId(in);
        long offset = in.xdrDecodeLong();
        Stability stable = Stability.values()[XdrReader.enumValue(in, 2)];
        return new Args(id, offset, stable, XdrReader.opaque(in, Fsinfo3.MAX_IO));
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId id = state.current();
        Opens.check(state, a.stateId(), id);
        Stat before = state.ctx().fs().getattr(id);
        WriteResult w = FileActions.write(state.ctx(), id, before, a.offset(), ByteBuffer.wrap(a.data()),
                a.stable());
        long verifier = state.ctx().fs().writeVerifier();
        return DataReply.written(w.count(), out -> {
            out.xdrEncodeInt(w.count());
            out.xdrEncodeInt(w.committed().ordinal());
            out.xdrEncodeLong(verifier);
        });
    }
}
