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
import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** READLINK: a symlink's target. */
public final class Readlink3 extends Procedure<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return DirOp.handle(in);
    }

    @Override
    public XdrWriter run(byte[] handle, NfsContext ctx) throws NfsException {
        FileId id = ctx.file(handle);
        byte[] target = ctx.fs().readlink(id).getBytes(StandardCharsets.UTF_8);
        Stat s = ctx.statOrNull(id);
        return out -> {
            Attrs.postOp(out, s);
            out.xdrEncodeDynamicOpaque(target);
        };
    }

    @Override
    public XdrWriter failed(byte[] handle, NfsContext ctx) {
        return Replies.postOp(ctx, handle);
    }
}
