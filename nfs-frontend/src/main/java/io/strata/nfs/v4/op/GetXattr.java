package io.strata.nfs.v4.op;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Names4;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * GETXATTR (RFC 8276 8.4.2): one extended attribute of the current file. Names come without the "user." prefix
 * a Linux client shows (the protocol carries the user namespace only).
 */
public final class GetXattr extends Operation<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return Xdr4.utf8(in);
    }

    @Override
    public XdrWriter run(byte[] rawName, CompoundState state) throws NfsException, Nfs4Exception {
        String name = Names4.key(rawName);
        FileId id = state.current();
        Stat s = state.ctx().fs().getattr(id);
        Permissions.requireData(s, state.ctx().caller(), Permissions.READ);
        byte[] value = state.ctx().fs().xattrs(id).get(name);
        if (value == null) {
            throw new Nfs4Exception(Nfs4Status.NOXATTR, name);
        }
        return out -> out.xdrEncodeDynamicOpaque(value);
    }
}
