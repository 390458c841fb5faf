package io.strata.nfs.v3.proc;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.FileId;

/** REMOVE a file or symlink name (RMDIR removes directories). */
public final class Remove3 extends NameRemoval {
    @Override
    void removeName(NfsContext ctx, FileId dir, String name) throws NfsException {
        ctx.fs().remove(dir, name);
    }
}
