package io.strata.nfs.v4.op;

import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Names4;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** REMOVE (RFC 8881 18.25): a file, link or empty directory (NFSv4 has one operation for both). */
public final class Remove extends Operation<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return Xdr4.utf8(in);
    }

    @Override
    public XdrWriter run(byte[] rawName, CompoundState state) throws NfsException, Nfs4Exception {
        FileId dir = state.current();
        DirectoryWatch watch = DirectoryWatch.start(state.ctx(), dir);
        Lookup.requireDirectory(watch.before());
        String name = Names4.component(rawName);
        Stat target = state.ctx().fs().lookup(dir, name);
        FileActions.remove(state.ctx(), dir, watch.before(), name, target.type() == FileType.DIRECTORY);
        DirectoryWatch.Change change = watch.finish(1);
        return out -> Xdr4.changeInfo(out, change);
    }
}
