package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.Names;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** REMOVE a file or symlink name (RMDIR removes directories). */
public final class Remove3 extends Procedure<DirOp> {
    @Override
    public DirOp decode(XdrDecodingStream in) throws IOException {
        return DirOp.decode(in);
    }

    @Override
    public XdrWriter run(DirOp a, NfsContext ctx) throws NfsException {
        FileId dir = ctx.file(a.dir());
        Stat before = ctx.fs().getattr(dir);
        Permissions.requireDirectoryChange(before, ctx.caller());
        String name = Names.remove(a.name());
        if (Permissions.stickyApplies(before, ctx.caller())) {
            Permissions.requireStickyOwner(before, ctx.fs().lookup(dir, name), ctx.caller());
        }
        ctx.fs().remove(dir, name);
        Stat after = ctx.statOrNull(dir);
        return out -> Attrs.wcc(out, before, after);
    }

    @Override
    public XdrWriter failed(DirOp a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.dir());
    }
}
