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
 * ALLOCATE (RFC 7862 15.1): what Linux sends for fallocate(2) without flags or with KEEP_SIZE. A range past the end
 * grows the file, the growth reading as zeros; no space is set aside, since volumes are shared by every file.
 */
public final class Allocate extends Operation<SpaceRange> {
    @Override
    public SpaceRange decode(XdrDecodingStream in) throws IOException {
        return SpaceRange.decode(in);
    }

    @Override
    public XdrWriter run(SpaceRange a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId id = state.current();
        Opens.check(state, a.stateId(), id);
        FileActions.allocate(state.ctx(), id, state.ctx().fs().getattr(id), a.offset(), a.length());
        return XdrWriter.NOTHING;
    }
}
