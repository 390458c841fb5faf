package io.strata.nfs.v4.op;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Names4;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * SETXATTR and REMOVEXATTR (RFC 8276 8.4.1, 8.4.4). The extended attributes this server shows describe where a
 * file's bytes sit; they are read-only (PERM), and no others can be stored (PERM; removing one that does not
 * exist is NOXATTR).
 */
public final class ChangeXattr extends Operation<byte[]> {
    /** Largest value read off the wire (XATTR_SIZE_MAX on Linux). */
    private static final int MAX_VALUE = 64 * 1024;
    private final boolean remove;

    public ChangeXattr(boolean remove) {
        this.remove = remove;
    }

    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        if (remove) {
            return Xdr4.utf8(in);
        }
        in.xdrDecodeInt(); // option: create, replace or either
        byte[] name = Xdr4.utf8(in);
        XdrReader.opaque(in, MAX_VALUE);
        return name;
    }

    @Override
    public XdrWriter run(byte[] rawName, CompoundState state) throws NfsException, Nfs4Exception {
        String name = Names4.key(rawName);
        boolean exists = state.ctx().fs().xattrs(state.current()).containsKey(name);
        if (remove && !exists) {
            throw new Nfs4Exception(Nfs4Status.NOXATTR, name);
        }
        throw new Nfs4Exception(Nfs4Status.PERM, "extended attributes are read-only here: " + name);
    }
}
