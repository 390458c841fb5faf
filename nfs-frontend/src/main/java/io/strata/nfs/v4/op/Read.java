package io.strata.nfs.v4.op;

import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DataReply;
import io.strata.nfs.v3.proc.Fsinfo3;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.ReadResult;
import io.strata.nfs.xdr.Payload;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** READ (RFC 8881 18.22): up to {@link Fsinfo3#MAX_IO} bytes; the data joins the reply without a copy. */
public final class Read extends Operation<Read.Args> {
    public record Args(StateId stateId, long offset, int count) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(Xdr4.stateId(in), in.xdrDecodeLong(), in.xdrDecodeInt());
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId id = state.current();
        Opens.check(state, a.stateId(), id);
        if (a.offset() < 0) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "offset beyond 2^63");
        }
        FileActions.ReadBytes read = FileActions.read(state.ctx(), id, a.offset(), a.count());
        ReadResult r = read.result();
        return DataReply.read(r.length(), out -> {
            out.xdrEncodeBoolean(r.eof());
            Payload.encode(out, read.buffer(), r.length());
        });
    }
}
