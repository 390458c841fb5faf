package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** GETATTR: the file's attributes. */
public final class Getattr3 extends Procedure<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return DirOp.handle(in);
    }

    @Override
    public XdrWriter run(byte[] handle, NfsContext ctx) throws NfsException {
        Stat s = ctx.fs().getattr(ctx.file(handle));
        return out -> Attrs.fattr3(out, s);
    }

    @Override
    public XdrWriter failed(byte[] handle, NfsContext ctx) {
        return XdrWriter.NOTHING;
    }
}
