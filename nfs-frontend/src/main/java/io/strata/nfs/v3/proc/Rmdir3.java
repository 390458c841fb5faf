package io.strata.nfs.v3.proc;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.FileId;

/** RMDIR: removes an empty directory; in the "/" export, an empty bucket. */
public final class Rmdir3 extends NameRemoval {
    @Override
    void removeName(NfsContext ctx, FileId dir, String name) throws NfsException {
        ctx.fs().rmdir(dir, name);
    }
}
