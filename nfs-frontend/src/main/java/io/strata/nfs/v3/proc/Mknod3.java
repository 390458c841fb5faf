package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * MKNOD: devices, sockets and FIFOs cannot be objects, so they are NOTSUPP; the regular types are BADTYPE (made
 * with CREATE, MKDIR, SYMLINK instead).
 */
public final class Mknod3 extends Procedure<Mknod3.Args> {
    private static final int NF3CHR = 3;
    private static final int NF3BLK = 4;
    private static final int NF3SOCK = 6;
    private static final int NF3FIFO = 7;

    public record Args(DirOp where, int type) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(DirOp.decode(in), XdrReader.enumValue(in, 7));
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        ctx.fs().getattr(ctx.file(a.where().dir()));
        boolean special = a.type() == NF3CHR || a.type() == NF3BLK || a.type() == NF3SOCK || a.type() == NF3FIFO;
        throw new NfsException(special ? NfsStatus.NOTSUPP : NfsStatus.BADTYPE, "mknod of type " + a.type());
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.where().dir());
    }
}
