package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.FileActions;
import io.strata.nfs.access.SetIdBits;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.DataReply;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stability;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.vfs.WriteResult;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.nio.ByteBuffer;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * WRITE at an offset. UNSTABLE writes are answered once the bytes are in the file's write buffer; FILE_SYNC and
 * DATA_SYNC once durable and visible to S3. The write verifier lets the client detect a restart in between.
 */
public final class Write3 extends Procedure<Write3.Args> {
    public record Args(byte[] handle, long offset, int count, Stability stable, byte[] data) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        byte[] handle = DirOp.handle(in);
        long offset = in.xdrDecodeLong();
        int count = in.xdrDecodeInt();
        Stability stable = Stability.values()[XdrReader.enumValue(in, 2)];
        byte[] data = XdrReader.opaque(in, Fsinfo3.MAX_IO);
        return new Args(handle, offset, count, stable, data);
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        FileId id = ctx.file(a.handle());
        Stat before = ctx.fs().getattr(id);
        if (a.count() < 0 || a.count() > a.data().length) {
            throw new NfsException(NfsStatus.INVAL, "count " + a.count() + " with " + a.data().length + " bytes");
        }
        WriteResult w = FileActions.write(ctx, id, before, a.offset(), ByteBuffer.wrap(a.data(), 0, a.count()),
                a.stable());
        Stat after = ctx.statOrNull(id);
        long verifier = ctx.fs().writeVerifier();
        return DataReply.written(w.count(), out -> {
            Attrs.wcc(out, before, after);
            out.xdrEncodeInt(w.count());
            out.xdrEncodeInt(w.committed().ordinal());
            out.xdrEncodeLong(verifier);
        });
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.wccAfter(ctx, a.handle());
    }
}
