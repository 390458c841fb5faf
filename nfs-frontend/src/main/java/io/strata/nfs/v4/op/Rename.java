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
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** RENAME (RFC 8881 18.26): from the saved directory to the current one; one namespace row, no bytes move. */
public final class Rename extends Operation<Rename.Args> {
    public record Args(byte[] from, byte[] to) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(Xdr4.utf8(in), Xdr4.utf8(in));
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId fromDir = state.saved();
        FileId toDir = state.current();
        DirectoryWatch from = DirectoryWatch.start(state.ctx(), fromDir);
        DirectoryWatch to = toDir.equals(fromDir) ? from : DirectoryWatch.start(state.ctx(), toDir);
        Lookup.requireDirectory(from.before());
        Lookup.requireDirectory(to.before());
        FileActions.rename(state.ctx(), fromDir, from.before(), Names4.component(a.from()), toDir, to.before(),
                Names4.component(a.to()));
        DirectoryWatch.Change fromChange = from.finish(1);
        DirectoryWatch.Change toChange = to == from ? fromChange : to.finish(1);
        return out -> {
            Xdr4.changeInfo(out, fromChange);
            Xdr4.changeInfo(out, toChange);
        };
    }
}
