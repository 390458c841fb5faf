package io.strata.nfs.v4.op;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * ACCESS (RFC 8881 18.1, RFC 8276 8.4.1): which asked rights the caller has, from the mode bits. Reading and
 * listing extended attributes follows read permission, writing them follows write permission.
 */
public final class Access extends Operation<Integer> {
    static final int READ = 0x01;
    static final int LOOKUP = 0x02;
    static final int MODIFY = 0x04;
    static final int EXTEND = 0x08;
    static final int DELETE = 0x10;
    static final int EXECUTE = 0x20;
    static final int XAREAD = 0x40;
    static final int XAWRITE = 0x80;
    static final int XALIST = 0x100;

    @Override
    public Integer decode(XdrDecodingStream in) throws IOException {
        return in.xdrDecodeInt();
    }

    @Override
    public XdrWriter run(Integer asked, CompoundState state) throws NfsException, Nfs4Exception {
        Stat s = state.ctx().fs().getattr(state.current());
        int bits = Permissions.bits(s, state.ctx().caller());
        boolean dir = s.type() == FileType.DIRECTORY;
        int granted = 0;
        if ((bits & Permissions.READ) != 0) {
            granted |= READ | XAREAD | XALIST;
        }
        if ((bits & Permissions.WRITE) != 0) {
            granted |= MODIFY | EXTEND | XAWRITE | (dir ? DELETE : 0);
        }
        if ((bits & Permissions.EXECUTE) != 0) {
            granted |= dir ? LOOKUP : EXECUTE;
        }
        int known = state.minorVersion() >= 2 ? 0x1ff : 0x3f;
        int supported = asked & known;
        int result = granted & supported;
        return out -> {
            out.xdrEncodeInt(supported);
            out.xdrEncodeInt(result);
        };
    }
}
