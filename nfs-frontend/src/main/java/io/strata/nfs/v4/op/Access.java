package io.strata.nfs.v4.op;

import io.strata.nfs.access.AccessRights;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** ACCESS (RFC 8881 18.1): which asked rights the caller has; the xattr rights exist from NFSv4.2 on. */
public final class Access extends Operation<Integer> {
    @Override
    public Integer decode(XdrDecodingStream in) throws IOException {
        return in.xdrDecodeInt();
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(Integer asked, CompoundState state) throws NfsException, Nfs4Exception {
        Stat s = state.ctx().fs().getattr(state.current());
        int supported = asked & (state.minorVersion() >= 2 ? AccessRights.WITH_XATTRS : AccessRights.CLASSIC);
        int result = AccessRights.granted(s, state.ctx().caller()) & supported;
        return out -> {
            out.xdrEncodeInt(supported);
            out.xdrEncodeInt(result);
        };
    }
}
