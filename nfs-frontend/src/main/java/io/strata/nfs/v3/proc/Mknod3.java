package io.strata.nfs.v3.proc;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.Names;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.xdr.Sattr;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * MKNOD (RFC 1813 3.3.11): named pipes and sockets are made (names with attributes, no bytes, never S3 objects);
 * character and block devices are NOTSUPP (a data server has no business exporting device nodes); the regular
 * types are BADTYPE (made with CREATE, MKDIR, SYMLINK instead).
 */
public final class Mknod3 extends Procedure<Mknod3.Args> {
    private static final int NF3CHR = 3;
    private static final int NF3BLK = 4;
    private static final int NF3SOCK = 6;
    private static final int NF3FIFO = 7;

    public record Args(DirOp where, int type, SetAttributes attrs) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        DirOp where = DirOp.decode(in);
        int type = XdrReader.enumValue(in, 7);
        SetAttributes attrs = SetAttributes.NONE;
        if (type == NF3CHR || type == NF3BLK || type == NF3SOCK || type == NF3FIFO) {
            attrs = Sattr.decode(in);
        }
        if (type == NF3CHR || type == NF3BLK) {
            in.xdrDecodeInt(); // specdata3: major
            in.xdrDecodeInt(); // and minor
        }
        return new Args(where, type, attrs);
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        FileId dir = ctx.file(a.where().dir());
        DirectoryWatch watch = DirectoryWatch.start(ctx, dir);
        FileType type = switch (a.type()) {
            case NF3FIFO -> FileType.FIFO;
            case NF3SOCK -> FileType.SOCKET;
            case NF3CHR, NF3BLK -> throw new NfsException(NfsStatus.NOTSUPP, "device nodes are not supported");
            default -> throw new NfsException(NfsStatus.BADTYPE, "mknod of type " + a.type());
        };
        Permissions.requireDirectoryChange(watch.before(), ctx.caller());
        String name = Names.create(a.where().name());
        FileId made = ctx.fs().mknod(dir, name, type, a.attrs(), ctx.caller());
        return Replies.created(ctx, made, watch.finish(1));
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.where().dir());
    }
}
