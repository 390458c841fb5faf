package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.Names;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** LOOKUP: a name in a directory, "." and ".." included. */
public final class Lookup3 extends Procedure<DirOp> {
    @Override
    public DirOp decode(XdrDecodingStream in) throws IOException {
        return DirOp.decode(in);
    }

    @Override
    public XdrWriter run(DirOp a, NfsContext ctx) throws NfsException {
        FileId dir = ctx.file(a.dir());
        Stat dirStat = ctx.fs().getattr(dir);
        if (dirStat.type() != FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.NOTDIR, "not a directory");
        }
        Permissions.require(dirStat, ctx.caller(), Permissions.EXECUTE);
        String name = Names.lookup(a.name());
        Stat attrs = switch (name) {
            case "." -> dirStat;
            case ".." -> ctx.fs().getattr(ctx.fs().parentOf(dir));
            default -> ctx.fs().lookup(dir, name);
        };
        byte[] handle = ctx.handles().encode(attrs.id());
        return out -> {
            out.xdrEncodeDynamicOpaque(handle);
            Attrs.postOp(out, attrs);
            Attrs.postOp(out, dirStat);
        };
    }

    @Override
    public XdrWriter failed(DirOp a, NfsContext ctx) {
        return Replies.postOp(ctx, a.dir());
    }
}
