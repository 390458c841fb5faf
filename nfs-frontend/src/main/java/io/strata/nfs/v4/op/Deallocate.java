package io.strata.nfs.v4.op;

import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;

/**
 * DEALLOCATE (RFC 7862 15.4): Linux's fallocate(2) with PUNCH_HOLE. The range reads as zeros after, its bytes are
 * freed, the size stays; S3 sees the new content at once, under a new ETag.
 */
public final class Deallocate extends SpaceOperation {
    @Override
    void change(NfsContext ctx, FileId id, Stat before, long offset, long length) throws NfsException {
        FileActions.deallocate(ctx, id, before, offset, length);
    }
}
