package io.strata.nfs.v4.op;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Names4;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.attr.NewAttrs;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * CREATE (RFC 8881 18.4): directories, symbolic links, named pipes and sockets (regular files come from OPEN).
 * Device nodes are refused with PERM: a data server does not export devices (NFSv3's MKNOD says NOTSUPP).
 */
public final class Create extends Operation<Create.Args> {
    private static final int NF4REG = 1;
    private static final int NF4DIR = 2;
    private static final int NF4BLK = 3;
    private static final int NF4CHR = 4;
    private static final int NF4LNK = 5;
    private static final int NF4SOCK = 6;
    private static final int NF4FIFO = 7;

    public record Args(int type, byte[] linkTarget, byte[] name, NewAttrs.Raw attrs) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        int type = XdrReader.enumValue(in, 7);
        byte[] target = null;
        if (type == NF4LNK) {
            target = Xdr4.utf8(in);
        } else if (type == NF4BLK || type == NF4CHR) {
            in.xdrDecodeInt(); // specdata4
            in.xdrDecodeInt();
        }
        return new Args(type, target, Xdr4.utf8(in), NewAttrs.Raw.decode(in));
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        FileId dir = state.current();
        DirectoryWatch watch = DirectoryWatch.start(state.ctx(), dir);
        Lookup.requireDirectory(watch.before());
        Permissions.requireDirectoryChange(watch.before(), state.ctx().caller());
        String name = Names4.component(a.name());
        NewAttrs attrs = a.attrs().parse();
        SetAttributes set = attrs.attributes();
        var fs = state.ctx().fs();
        var caller = state.ctx().caller();
        FileId made = switch (a.type()) {
            case NF4DIR -> fs.mkdir(dir, name, set, caller);
            case NF4LNK -> fs.symlink(dir, name, target(a.linkTarget()), set, caller);
            case NF4FIFO -> fs.mknod(dir, name, FileType.FIFO, set, caller);
            case NF4SOCK -> fs.mknod(dir, name, FileType.SOCKET, set, caller);
            case NF4BLK, NF4CHR -> throw new Nfs4Exception(Nfs4Status.PERM, "device nodes are not supported");
            case NF4REG -> throw new Nfs4Exception(Nfs4Status.BADTYPE, "regular files are made by OPEN");
            default -> throw new Nfs4Exception(Nfs4Status.BADTYPE, "type " + a.type());
        };
        DirectoryWatch.Change change = watch.finish(1);
        state.current(made);
        return out -> {
            Xdr4.changeInfo(out, change);
            attrs.encodeSet(out);
        };
    }

    private static String target(byte[] raw) throws Nfs4Exception {
        String t = Xdr4.text(raw);
        if (t.isEmpty()) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "empty symlink target");
        }
        return t;
    }
}
