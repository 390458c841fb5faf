package io.strata.nfs.v3.proc;

import java.io.IOException;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DirOp;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v3.Procedure;
import io.strata.nfs.xdr.XdrWriter;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** READDIR: names, file ids and cookies, within the client's {@code count} bytes. */
public final class Readdir3 extends Procedure<Readdir3.Args> {
    /** value_follows, fileid, cookie (the name is counted apart). */
    private static final int ENTRY = 4 + 8 + 8;

    public record Args(byte[] dir, long cookie, int count) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        byte[] dir = DirOp.handle(in);
        long cookie = in.xdrDecodeLong();
        in.xdrDecodeLong(); // cookie verifier: cookies are stable, so any is accepted
        return new Args(dir, cookie, in.xdrDecodeInt());
    }

    @Override
    public XdrWriter run(Args a, NfsContext ctx) throws NfsException {
        return DirectoryListing.reply(DirectoryListing.list(ctx, a.dir(), a.cookie(), ENTRY, a.count(), false),
                (out, item) -> { });
    }

    @Override
    public XdrWriter failed(Args a, NfsContext ctx) {
        return Replies.postOp(ctx, a.dir());
    }
}
