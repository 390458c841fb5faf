package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.AccessRights;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** ACCESS: which of the asked rights the caller has, from the mode bits (RFC 1813 3.3.4). */
public final class Access3 extends Procedure<Access3.Args> {
    public record Args(byte[] handle, int access) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(DirOp.handle(in), in.xdrDecodeInt());
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        Stat s = ctx.fs().getattr(ctx.file(a.handle()));
        int result = AccessRights.granted(s, ctx.caller()) & a.access() & AccessRights.CLASSIC;
        return out -> {
            Attrs.postOp(out, s);
            out.xdrEncodeInt(result);
        };
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.postOp(ctx, a.handle());
    }
}
