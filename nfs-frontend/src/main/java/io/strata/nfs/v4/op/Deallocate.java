package io.strata.nfs.v4.op;

import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * DEALLOCATE (RFC 7862 15.4): Linux's fallocate(2) with PUNCH_HOLE. The range reads as zeros after, its bytes are
 * freed, the size stays; S3 sees the new content at once, under a new ETag.
 */
public final class Deallocate extends Operation<SpaceRange> {
    @Override
    public SpaceRange decode(XdrDecodingStream in) throws IOException {
        return SpaceRange.decode(in);
    }

    @Override
    public XdrWriter run(SpaceRange a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId id = state.current();
        Opens.check(state, a.stateId(), id);
        FileActions.deallocate(state.ctx(), id, state.ctx().fs().getattr(id), a.offset(), a.length());
        return XdrWriter.NOTHING;
    }
}
