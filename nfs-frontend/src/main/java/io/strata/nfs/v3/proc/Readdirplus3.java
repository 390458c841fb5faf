package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** READDIRPLUS: entries with their attributes and handles, within {@code maxcount} bytes. */
public final class Readdirplus3 extends Procedure<Readdirplus3.Args> {
    /** value_follows, fileid, cookie, post_op_attr, post_op_fh3 (the name is counted apart). */
    private static final int ENTRY = 4 + 8 + 8 + 4 + Attrs.FATTR3_BYTES + 4 + 4 + FileHandles.LENGTH;

    public record Args(byte[] dir, long cookie, int dircount, int maxcount) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        byte[] dir = DirOp.handle(in);
        long cookie = in.xdrDecodeLong();
        in.xdrDecodeLong(); // cookie verifier: cookies are stable, so any is accepted
        int dircount = in.xdrDecodeInt();
        return new Args(dir, cookie, dircount, in.xdrDecodeInt());
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        DirectoryListing.Listing l = DirectoryListing.list(ctx, a.dir(), a.cookie(), ENTRY, a.maxcount(), true);
        return DirectoryListing.reply(l, (out, item) -> {
            Attrs.postOp(out, item.stat());
            out.xdrEncodeBoolean(true);
            out.xdrEncodeDynamicOpaque(ctx.handles().encode(item.id()));
        });
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.postOp(ctx, a.dir());
    }
}
