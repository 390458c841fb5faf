package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.Names;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.AsyncProcedure;
import java.util.concurrent.CompletionStage;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.xdr.Sattr;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** MKDIR; in the "/" export it creates a bucket. */
public final class Mkdir3 extends AsyncProcedure<Mkdir3.Args> {
    public record Args(DirOp where, SetAttributes attrs) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(DirOp.decode(in), Sattr.decode(in));
    }

    @Override
    public CompletionStage<XdrWriter> start(Args a, NfsContext ctx) throws NfsException {
        FileId dir = ctx.file(a.where().dir());
        DirectoryWatch watch = DirectoryWatch.start(ctx, dir);
        Permissions.requireDirectoryChange(watch.before(), ctx.caller());
        return ctx.fs().mkdirAsync(dir, Names.create(a.where().name()), a.attrs(), ctx.caller())
                .thenApply(made -> Replies.created(ctx, made, watch.finish(1)));
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.where().dir());
    }
}
