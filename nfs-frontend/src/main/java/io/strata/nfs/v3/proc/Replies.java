package io.strata.nfs.v3.proc;

import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** Reply bodies that several procedures share. */
final class Replies {
    private Replies() {
    }

    /** CREATE, MKDIR, SYMLINK, MKNOD success: post_op_fh3, post_op_attr of the new object, wcc_data of the dir. */
    static XdrWriter created(NfsContext ctx, FileId made, DirectoryWatch.Change dir) {
        byte[] handle = ctx.handles().encode(made);
        Stat attrs = ctx.statOrNull(made);
        return out -> {
            out.xdrEncodeBoolean(true);
            out.xdrEncodeDynamicOpaque(handle);
            Attrs.postOp(out, attrs);
            wcc(out, dir);
        };
    }

    /** {@link #wcc(XdrEncodingStream, DirectoryWatch.Change)} as a whole reply body (REMOVE, RMDIR). */
    static XdrWriter wcc(DirectoryWatch.Change dir) {
        return out -> wcc(out, dir);
    }

    /** wcc_data of a directory whose names changed: its attributes before only if the change was its only one. */
    static void wcc(XdrEncodingStream out, DirectoryWatch.Change dir) {
        Attrs.wcc(out, dir.preOp(), dir.after());
    }

    /** wcc_data with only the "after" half (what a failed change can still report). */
    static XdrWriter wccAfter(NfsContext ctx, byte[] handle) {
        Stat after = ctx.statOrNull(handle);
        return out -> Attrs.wcc(out, null, after);
    }

    /** post_op_attr of the file named by {@code handle}. */
    static XdrWriter postOp(NfsContext ctx, byte[] handle) {
        Stat s = ctx.statOrNull(handle);
        return out -> Attrs.postOp(out, s);
    }
}
