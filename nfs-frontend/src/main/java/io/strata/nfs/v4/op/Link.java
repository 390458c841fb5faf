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
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** LINK (RFC 8881 18.9): a new name in the current directory for the saved file. */
public final class Link extends Operation<byte[]> {
    @Override
    public byte[] decode(XdrDecodingStream in) throws IOException {
        return Xdr4.utf8(in);
    }

    @Override
    public XdrWriter run(byte[] name, CompoundState state) throws NfsException, Nfs4Exception {
        FileId file = state.saved();
        FileId dir = state.current();
        Stat fileStat = state.ctx().fs().getattr(file);
        DirectoryWatch watch = DirectoryWatch.start(state.ctx(), dir);
        Lookup.requireDirectory(watch.before());
        FileActions.link(state.ctx(), file, fileStat, dir, watch.before(), Names4.component(name));
        DirectoryWatch.Change change = watch.finish(1);
        return out -> Xdr4.changeInfo(out, change);
    }
}
