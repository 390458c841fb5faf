package io.strata.nfs.v4.op;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * ALLOCATE and DEALLOCATE (RFC 7862 15.1, 15.4) take the same arguments, an open's stateid and a byte range, check
 * them the same way and answer with a bare status; they differ only in what they do to the range.
 */
abstract class SpaceOperation extends Operation<SpaceRange> {
    @Override
    public final SpaceRange decode(XdrDecodingStream in) throws IOException {
        return SpaceRange.decode(in);
    }

    @Override
    public final XdrWriter run(SpaceRange a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId id = state.current();
        Opens.check(state, a.stateId(), id);
        change(state.ctx(), id, state.ctx().fs().getattr(id), a.offset(), a.length());
        return XdrWriter.NOTHING;
    }

    abstract void change(NfsContext ctx, FileId id, Stat before, long offset, long length) throws NfsException;
}
