package io.strata.nfs.v3.proc;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.Names;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.AsyncProcedure;
import java.util.concurrent.CompletionStage;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * REMOVE and RMDIR share everything but the file-system call: the same arguments, checks (write and search on
 * the directory, the sticky bit) and wcc reply.
 */
abstract class NameRemoval extends AsyncProcedure<DirOp> {
    /** True for RMDIR, false for REMOVE. */
    abstract boolean directory();

    @Override
    public DirOp decode(XdrDecodingStream in) throws IOException {
        return DirOp.decode(in);
    }

    @Override
    public CompletionStage<XdrWriter> start(DirOp a, NfsContext ctx) throws NfsException {
        FileId dir = ctx.file(a.dir());
        DirectoryWatch watch = DirectoryWatch.start(ctx, dir);
        Permissions.requireDirectoryChange(watch.before(), ctx.caller());
        return FileActions.removeAsync(ctx, dir, watch.before(), Names.remove(a.name()), directory())
                .thenApply(removed -> Replies.wcc(watch.finish(1)));
    }

    @Override
    public XdrWriter failed(DirOp a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.dir());
    }
}
