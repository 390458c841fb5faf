package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FsStats;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** FSSTAT: space and file slots (what df shows). */
public final class Fsstat3 extends Procedure<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return DirOp.handle(in);
    }

    @Override
    public XdrWriter run(byte[] handle, NfsContext ctx) throws NfsException {
        FileId id = ctx.file(handle);
        Stat s = ctx.fs().getattr(id);
        FsStats f = ctx.fs().fsstat(id);
        return out -> {
            Attrs.postOp(out, s);
            out.xdrEncodeLong(f.totalBytes());
            out.xdrEncodeLong(f.freeBytes());
            out.xdrEncodeLong(f.availableBytes());
            out.xdrEncodeLong(f.totalFiles());
            out.xdrEncodeLong(f.freeFiles());
            out.xdrEncodeLong(f.availableFiles());
            out.xdrEncodeInt(0); // invarsec: the figures change at any time
        };
    }

    @Override
    public XdrWriter failed(byte[] handle, NfsContext ctx) {
        return Replies.postOp(ctx, handle);
    }
}
