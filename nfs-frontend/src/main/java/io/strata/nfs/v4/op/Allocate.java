package io.strata.nfs.v4.op;

import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;

/**
 * ALLOCATE (RFC 7862 15.1): what Linux sends for fallocate(2) without flags or with KEEP_SIZE. A range past the end
 * grows the file, the growth reading as zeros; no space is set aside, since volumes are shared by every file.
 */
public final class Allocate extends SpaceOperation {
    @Override
    void change(NfsContext ctx, FileId id, Stat before, long offset, long length) throws NfsException {
        FileActions.allocate(ctx, id, before, offset, length);
    }
}
