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
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** LOOKUP: a name in the current directory becomes the current handle (SYMLINK if the directory is a symlink). */
public final class Lookup extends Operation<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return Xdr4.utf8(in);
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(byte[] name, CompoundState state) throws NfsException, Nfs4Exception {
        FileId dir = state.current();
        Stat dirStat = state.ctx().fs().getattr(dir);
        requireDirectory(dirStat);
        Permissions.require(dirStat, state.ctx().caller(), Permissions.EXECUTE);
        Stat found = state.ctx().fs().lookup(dir, Names4.component(name));
        state.current(found.id());
        return XdrWriter.NOTHING;
    }

    static void requireDirectory(Stat s) throws Nfs4Exception {
        if (s.type() == FileType.SYMLINK) {
            throw new Nfs4Exception(Nfs4Status.SYMLINK, "a symbolic link, not a directory");
        }
        if (s.type() != FileType.DIRECTORY) {
            throw new Nfs4Exception(Nfs4Status.NOTDIR, "not a directory");
        }
    }
}
