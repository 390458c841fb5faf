package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * RECLAIM_COMPLETE (RFC 8881 18.51): the client has reclaimed what it held before a server restart. Nothing waits
 * for it: with no locks and no share reservations, there is nothing a reclaim could conflict with.
 */
public final class ReclaimComplete extends Operation<Boolean> {
    @Override
    public Boolean decode(XdrDecodingStream in) throws IOException {
        return XdrReader.bool(in);
    }

    @Override
    public XdrWriter run(Boolean oneFs, CompoundState state) {
        return XdrWriter.NOTHING;
    }
}
