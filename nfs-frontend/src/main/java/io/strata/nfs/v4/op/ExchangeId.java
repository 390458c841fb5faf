package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.state.Client;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * EXCHANGE_ID (RFC 8881 18.35): a client names itself and gets a client id. Only SP4_NONE state protection is
 * served (what clients use with AUTH_SYS); this server is not a pNFS server.
 */
public final class ExchangeId extends Operation<ExchangeId.Args> {
    private static final int SP4_NONE = 0;
    private static final int SP4_MACH_CRED = 1;
    private static final int FLAG_USE_NON_PNFS = 0x00010000;
    private static final int FLAG_CONFIRMED_R = 0x80000000;

    public record Args(long verifier, byte[] owner, int flags, int stateProtect) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        long verifier = in.xdrDecodeLong();
        byte[] owner = Xdr4.opaque(in);
        int flags = in.xdrDecodeInt();
        int how = in.xdrDecodeInt();
        if (how == SP4_MACH_CRED) {
            Xdr4.bitmap(in);
            Xdr4.bitmap(in);
        } else if (how != SP4_NONE) {
            // SP4_SSV: not served, and its arguments need not be read to say so.
            return new Args(verifier, owner, flags, how);
        }
        int impls = in.xdrDecodeInt();
        for (int i = 0; i < Math.min(impls, 1); i++) {
            XdrReader.string(in); // domain
            XdrReader.string(in); // name
            in.xdrDecodeLong(); // build date
            in.xdrDecodeInt();
        }
        return new Args(verifier, owner, flags, how);
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws Nfs4Exception {
        if (a.stateProtect() != SP4_NONE) {
            throw new Nfs4Exception(Nfs4Status.NOTSUPP, "state protection " + a.stateProtect());
        }
        if (a.owner().length == 0) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "empty client owner");
        }
        Client c = state.server().clients().exchangeId(a.owner(), a.verifier());
        int flags = FLAG_USE_NON_PNFS | (c.confirmed() ? FLAG_CONFIRMED_R : 0);
        int sequence = c.createSessionSeq();
        byte[] serverOwner = state.server().serverOwner();
        byte[] scope = state.server().serverScope();
        return out -> {
            out.xdrEncodeLong(c.id());
            out.xdrEncodeInt(sequence);
            out.xdrEncodeInt(flags);
            out.xdrEncodeInt(SP4_NONE);
            out.xdrEncodeLong(0); // server_owner4.so_minor_id
            out.xdrEncodeDynamicOpaque(serverOwner);
            out.xdrEncodeDynamicOpaque(scope);
            out.xdrEncodeInt(0); // no implementation id
        };
    }
}
