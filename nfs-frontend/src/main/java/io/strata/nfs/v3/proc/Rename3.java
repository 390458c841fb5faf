package io.strata.nfs.v3.proc;

import java.io.IOException;
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
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** RENAME: atomic, over a compatible existing target, across directories and buckets; no data moves. */
public final class Rename3 extends AsyncProcedure<Rename3.Args> {
    public record Args(DirOp from, DirOp to) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(DirOp.decode(in), DirOp.decode(in));
    }

    @Override
    public CompletionStage<XdrWriter> start(Args a, NfsContext ctx) throws NfsException {
        FileId fromDir = ctx.file(a.from().dir());
        FileId toDir = ctx.file(a.to().dir());
        // Most renames stay in one directory: its attributes are read once before and once after.
        boolean oneDir = fromDir.equals(toDir);
        DirectoryWatch from = DirectoryWatch.start(ctx, fromDir);
        DirectoryWatch to = oneDir ? from : DirectoryWatch.start(ctx, toDir);
        return FileActions.renameAsync(ctx, fromDir, from.before(), Names.rename(a.from().name()), toDir,
                to.before(), Names.rename(a.to().name())).thenApply(renamed -> {
                    DirectoryWatch.Change fromChange = from.finish(1);
                    DirectoryWatch.Change toChange = oneDir ? fromChange : to.finish(1);
                    return out -> {
                        Replies.wcc(out, fromChange);
                        Replies.wcc(out, toChange);
                    };
                });
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        XdrWriter from = Replies.wccAfter(ctx, a.from().dir());
        XdrWriter to = Replies.wccAfter(ctx, a.to().dir());
        return out -> {
            from.write(out);
            to.write(out);
        };
    }
}
