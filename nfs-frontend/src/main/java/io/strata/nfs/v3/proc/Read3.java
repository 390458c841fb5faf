package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.DataReply;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.ReadResult;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.Payload;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** READ: up to {@link Fsinfo3#MAX_IO} bytes at an offset; a larger count is served short, as RFC 1813 allows. */
public final class Read3 extends Procedure<Read3.Args> {
    public record Args(byte[] handle, long offset, int count) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(DirOp.handle(in), in.xdrDecodeLong(), in.xdrDecodeInt());
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        FileId id = ctx.file(a.handle());
        if (a.offset() < 0) {
            throw new NfsException(NfsStatus.INVAL, "offset beyond 2^63");
        }
        FileActions.ReadBytes read = FileActions.read(ctx, id, a.offset(), a.count());
        ReadResult r = read.result();
        Stat s = r.attributes();
        return DataReply.read(r.length(), out -> {
            Attrs.postOp(out, s);
            out.xdrEncodeInt(r.length());
            out.xdrEncodeBoolean(r.eof());
            Payload.encode(out, read.buffer(), r.length());
        });
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.postOp(ctx, a.handle());
    }
}
