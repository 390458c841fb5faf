package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.state.LockOwner;
import io.strata.nfs.v4.state.LockTable;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/** LOCKT (RFC 8881 18.11): whether a lock could be taken (F_GETLK), without taking it. */
public final class Lockt extends Operation<Lockt.Args> {
    public record Args(int type, long offset, long length, byte[] owner) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        int type = in.xdrDecodeInt();
        long offset = in.xdrDecodeLong();
        long length = in.xdrDecodeLong();
        in.xdrDecodeLong(); // client id
        return new Args(type, offset, length, Xdr4.opaque(in));
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws Nfs4Exception {
        LockOwner owner = LockOwner.of(Opens.clientId(state), a.owner());
        long end = LockRanges.end(a.offset(), a.length());
        boolean write = LockRanges.isWrite(a.type());
        LockTable.Range held = state.server().locks().test(state.current(), owner, a.offset(), end, write);
        if (held != null && state.server().clients().expireIfSilent(held.owner().clientId())) {
            held = state.server().locks().test(state.current(), owner, a.offset(), end, write);
        }
        if (held != null) {
            throw LockRanges.denied(held);
        }
        return XdrWriter.NOTHING;
    }
}
