package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.action.FileActions;
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

/** LINK: a hard link (another name for a file or symlink). */
public final class Link3 extends Procedure<Link3.Args> {
    public record Args(byte[] file, DirOp link) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(DirOp.handle(in), DirOp.decode(in));
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        FileId file = ctx.file(a.file());
        FileId dir = ctx.file(a.link().dir());
        Stat fileStat = ctx.fs().getattr(file);
        if (fileStat.type() == FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.ISDIR, "cannot hard-link a directory");
        }
        DirectoryWatch watch = DirectoryWatch.start(ctx, dir);
        Permissions.requireDirectoryChange(watch.before(), ctx.caller());
        FileActions.link(ctx, file, fileStat, dir, watch.before(), Names.create(a.link().name()));
        DirectoryWatch.Change change = watch.finish(1);
        Stat fileAfter = ctx.statOrNull(file);
        return out -> {
            Attrs.postOp(out, fileAfter);
            Replies.wcc(out, change);
        };
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        XdrWriter file = Replies.postOp(ctx, a.file());
        XdrWriter dir = Replies.wccAfter(ctx, a.link().dir());
        return out -> {
            file.write(out);
            dir.write(out);
        };
    }
}
