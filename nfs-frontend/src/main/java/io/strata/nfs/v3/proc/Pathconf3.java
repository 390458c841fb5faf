package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.Names;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** PATHCONF: names up to 255 bytes, case-sensitive, refused (not truncated) when longer. */
public final class Pathconf3 extends Procedure<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return DirOp.handle(in);
    }

    @Override
    public XdrWriter run(byte[] handle, NfsContext ctx) throws NfsException {
        Stat s = ctx.fs().getattr(ctx.file(handle));
        return out -> {
            Attrs.postOp(out, s);
            out.xdrEncodeInt(Integer.MAX_VALUE); // linkmax
            out.xdrEncodeInt(Names.MAX_BYTES); // name_max
            out.xdrEncodeBoolean(true); // no_trunc
            out.xdrEncodeBoolean(true); // chown_restricted
            out.xdrEncodeBoolean(false); // case_insensitive
            out.xdrEncodeBoolean(true); // case_preserving
        };
    }

    @Override
    public XdrWriter failed(byte[] handle, NfsContext ctx) {
        return Replies.postOp(ctx, handle);
    }
}
