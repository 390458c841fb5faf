package io.strata.nfs.v4.op;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.vfs.XattrException;
import io.strata.nfs.vfs.XattrSetMode;
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
 * SETXATTR and REMOVEXATTR (RFC 8276 8.4.1, 8.4.4) on the current file; the reply is the file's change info.
 * As on Linux, only regular files and directories hold user attributes (PERM otherwise), changing them takes
 * write permission, and in a sticky directory only its owner may change the directory's own.
 */
public final class ChangeXattr extends Operation<ChangeXattr.Args> {
    /** Largest value read off the wire (XATTR_SIZE_MAX on Linux). */
    private static final int MAX_VALUE = 64 * 1024;
    private static final XattrSetMode[] MODES = {XattrSetMode.EITHER, XattrSetMode.CREATE, XattrSetMode.REPLACE};
    private final boolean remove;

    /** @param value null for REMOVEXATTR */
    public record Args(XattrSetMode mode, byte[] name, byte[] value) {
    }

    public ChangeXattr(boolean remove) {
        this.remove = remove;
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        if (remove) {
            return new Args(null, Xdr4.utf8(in), null);
        }
        int option = in.xdrDecodeInt();
        byte[] name = Xdr4.utf8(in);
        byte[] value = XdrReader.opaque(in, MAX_VALUE);
        return new Args(option >= 0 && option < MODES.length ? MODES[option] : null, name, value);
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        String name = Names4.key(a.name());
        if (!remove && a.mode() == null) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "unknown setxattr option");
        }
        FileId id = state.current();
        Stat before = state.ctx().fs().getattr(id);
        if (before.type() != FileType.REGULAR && before.type() != FileType.DIRECTORY) {
            throw new Nfs4Exception(Nfs4Status.PERM, "only files and directories have user attributes");
        }
        if (before.type() == FileType.DIRECTORY && Permissions.stickyApplies(before, state.ctx().caller())) {
            throw new Nfs4Exception(Nfs4Status.PERM, "a sticky directory's attributes are its owner's");
        }
        Permissions.requireData(before, state.ctx().caller(), Permissions.WRITE);
        try {
            if (remove) {
                state.ctx().fs().removeXattr(id, name);
            } else {
                state.ctx().fs().setXattr(id, name, a.value(), a.mode());
            }
        } catch (XattrException e) {
            throw new Nfs4Exception(e.kind() == XattrException.Kind.NO_SUCH_ATTRIBUTE ? Nfs4Status.NOXATTR
                    : Nfs4Status.XATTR2BIG, e.getMessage());
        }
        Stat after = state.ctx().fs().getattr(id);
        return out -> Xdr4.changeInfo(out, before, after);
    }
}
