package io.strata.nfs.v4.op;

import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** The arguments ALLOCATE and DEALLOCATE share (RFC 7862 15.1.1, 15.4.1): an open's stateid and a byte range. */
record SpaceRange(StateId stateId, long offset, long length) {
    static SpaceRange decode(XdrDecodingStream in) throws IOException {
        return new SpaceRange(Xdr4.stateId(in), in.xdrDecodeLong(), in.xdrDecodeLong());
    }
}
