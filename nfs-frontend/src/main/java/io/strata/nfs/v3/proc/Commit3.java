package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** COMMIT: every write to the file becomes durable and visible to S3 (the range is not narrowed). */
public final class Commit3 extends Procedure<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        byte[] handle = DirOp.handle(in);
        in.xdrDecodeLong(); // offset
        in.xdrDecodeInt(); // count
        return handle;
    }

    @Override
    public XdrWriter run(byte[] handle, NfsContext ctx) throws NfsException {
        FileId id = ctx.file(handle);
        Stat before = ctx.fs().getattr(id);
        ctx.fs().commit(id);
        Stat after = ctx.statOrNull(id);
        long verifier = ctx.fs().writeVerifier();
        return out -> {
            Attrs.wcc(out, before, after);
            out.xdrEncodeLong(verifier);
        };
    }

    @Override
    public XdrWriter failed(byte[] handle, NfsContext ctx) {
        return Replies.wccAfter(ctx, handle);
    }
}
