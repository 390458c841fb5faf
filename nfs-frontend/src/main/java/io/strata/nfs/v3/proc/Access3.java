package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** ACCESS: which of the asked rights the caller has, from the mode bits (RFC 1813 3.3.4). */
public final class Access3 extends Procedure<Access3.Args> {
    static final int READ = 0x01;
    static final int LOOKUP = 0x02;
    static final int MODIFY = 0x04;
    static final int EXTEND = 0x08;
    static final int DELETE = 0x10;
    static final int EXECUTE = 0x20;

    public record Args(byte[] handle, int access) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(DirOp.handle(in), in.xdrDecodeInt());
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        Stat s = ctx.fs().getattr(ctx.file(a.handle()));
        int bits = Permissions.bits(s, ctx.caller());
        boolean dir = s.type() == FileType.DIRECTORY;
        int granted = 0;
        if ((bits & Permissions.READ) != 0) {
            granted |= READ;
        }
        if ((bits & Permissions.WRITE) != 0) {
            granted |= MODIFY | EXTEND | (dir ? DELETE : 0);
        }
        if ((bits & Permissions.EXECUTE) != 0) {
            granted |= dir ? LOOKUP : EXECUTE;
        }
        int result = granted & a.access();
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
