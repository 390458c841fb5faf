package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.Names;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.xdr.Sattr;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** SYMLINK: the target is stored as given (UTF-8, at most 4096 bytes). */
public final class Symlink3 extends Procedure<Symlink3.Args> {
    public record Args(DirOp where, SetAttributes attrs, byte[] target) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        DirOp where = DirOp.decode(in);
        SetAttributes attrs = Sattr.decode(in);
        return new Args(where, attrs, XdrReader.string(in));
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        FileId dir = ctx.file(a.where().dir());
        DirectoryWatch watch = DirectoryWatch.start(ctx, dir);
        Permissions.requireDirectoryChange(watch.before(), ctx.caller());
        String name = Names.create(a.where().name());
        String target = Names.utf8(a.target());
        if (target == null) {
            throw new NfsException(NfsStatus.INVAL, "symlink target is not UTF-8");
        }
        if (target.isEmpty()) {
            throw new NfsException(NfsStatus.INVAL, "empty symlink target");
        }
        FileId made = ctx.fs().symlink(dir, name, target, a.attrs(), ctx.caller());
        return Replies.created(ctx, made, watch.finish(1));
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.where().dir());
    }
}
