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

/** FSINFO: transfer sizes and capabilities. 1 MiB reads and writes, nanosecond times, links and symlinks. */
public final class Fsinfo3 extends Procedure<byte[]> {
    public static final int MAX_IO = 1 << 20;
    private static final int FSF3_LINK = 0x1;
    private static final int FSF3_SYMLINK = 0x2;
    private static final int FSF3_HOMOGENEOUS = 0x8;
    private static final int FSF3_CANSETTIME = 0x10;

    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return DirOp.handle(in);
    }

    @Override
    public XdrWriter run(byte[] handle, NfsContext ctx) throws NfsException {
        Stat s = ctx.fs().getattr(ctx.file(handle));
        long maxFileSize = ctx.fs().maxFileSize();
        return out -> {
            Attrs.postOp(out, s);
            out.xdrEncodeInt(MAX_IO); // rtmax
            out.xdrEncodeInt(MAX_IO); // rtpref
            out.xdrEncodeInt(4096); // rtmult
            out.xdrEncodeInt(MAX_IO); // wtmax
            out.xdrEncodeInt(MAX_IO); // wtpref
            out.xdrEncodeInt(4096); // wtmult
            out.xdrEncodeInt(64 * 1024); // dtpref
            out.xdrEncodeLong(maxFileSize);
            out.xdrEncodeInt(0); // time_delta: 1 ns
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(FSF3_LINK | FSF3_SYMLINK | FSF3_HOMOGENEOUS | FSF3_CANSETTIME);
        };
    }

    @Override
    public XdrWriter failed(byte[] handle, NfsContext ctx) {
        return Replies.postOp(ctx, handle);
    }
}
