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
import io.strata.nfs.vfs.CreateHow;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.xdr.Sattr;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** CREATE a regular file: UNCHECKED, GUARDED or EXCLUSIVE (RFC 1813 3.3.8). */
public final class Create3 extends AsyncProcedure<Create3.Args> {
    public record Args(DirOp where, CreateHow how) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        DirOp where = DirOp.decode(in);
        CreateHow.Mode mode = CreateHow.Mode.values()[XdrReader.enumValue(in, 2)];
        CreateHow how = mode == CreateHow.Mode.EXCLUSIVE
                ? new CreateHow(mode, SetAttributes.NONE, in.xdrDecodeLong())
                : new CreateHow(mode, Sattr.decode(in), 0);
        return new Args(where, how);
    }

    @Override
    public CompletionStage<XdrWriter> start(Args a, NfsContext ctx) throws NfsException {
        FileId dir = ctx.file(a.where().dir());
        DirectoryWatch watch = DirectoryWatch.start(ctx, dir);
        Permissions.requireDirectoryChange(watch.before(), ctx.caller());
        String name = Names.create(a.where().name());
        return ctx.fs().createAsync(dir, name, a.how(), ctx.caller())
                .thenApply(made -> Replies.created(ctx, made, watch.finish(1)));
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.where().dir());
    }
}
