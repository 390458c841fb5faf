package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.FileActions;
import io.strata.nfs.access.SetIdBits;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.NfsTime;
import io.strata.nfs.xdr.Sattr;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** SETATTR: mode, owner, size (truncate or extend) and times, optionally guarded by the ctime the client saw. */
public final class Setattr3 extends Procedure<Setattr3.Args> {
    public record Args(byte[] handle, SetAttributes attrs, Long guardCtime) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        byte[] handle = DirOp.handle(in);
        SetAttributes attrs = Sattr.decode(in);
        Long guard = XdrReader.bool(in) ? NfsTime.decode(in) : null;
        return new Args(handle, attrs, guard);
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        FileId id = ctx.file(a.handle());
        Stat before = ctx.fs().getattr(id);
        if (a.attrs().size() != null && before.type() != FileType.REGULAR) {
            throw new NfsException(before.type() == FileType.DIRECTORY ? NfsStatus.ISDIR : NfsStatus.INVAL,
                    "only regular files have a settable size");
        }
        if (a.guardCtime() != null && a.guardCtime() != before.ctimeNanos()) {
            // Checked against the ctime this server reports (which counts writes not yet committed).
            throw new NfsException(NfsStatus.NOT_SYNC, "ctime changed since the client looked");
        }
        Stat after = FileActions.setattr(ctx, id, before, a.attrs());
        return out -> Attrs.wcc(out, before, after);
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.handle());
    }
}
