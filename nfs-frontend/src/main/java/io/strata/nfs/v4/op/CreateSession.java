package io.strata.nfs.v4.op;

import io.strata.nfs.v3.proc.Fsinfo3;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.state.ChannelAttrs;
import io.strata.nfs.v4.state.Session;
import io.strata.nfs.xdr.GarbageArgsException;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * CREATE_SESSION (RFC 8881 18.36). The fore channel gets room for a full-size READ or WRITE; no back channel is
 * offered (the server hands out no delegations and no layouts, so it never calls a client back).
 */
public final class CreateSession extends Operation<CreateSession.Args> {
    /** What the fore channel allows at most: one READ or WRITE of {@link Fsinfo3#MAX_IO} and its headers. */
    static final ChannelAttrs FORE_LIMIT = new ChannelAttrs(0, Fsinfo3.MAX_IO + 64 * 1024,
            Fsinfo3.MAX_IO + 64 * 1024, 64 * 1024, 64, 64);
    static final ChannelAttrs BACK_LIMIT = new ChannelAttrs(0, 16 * 1024, 16 * 1024, 0, 4, 1);
    private static final int AUTH_NONE = 0;
    private static final int AUTH_SYS = 1;
    private static final int RPCSEC_GSS = 6;

    public record Args(long clientId, int sequence, ChannelAttrs fore, ChannelAttrs back) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        long clientId = in.xdrDecodeLong();
        int sequence = in.xdrDecodeInt();
        in.xdrDecodeInt(); // flags: neither persistence nor a back channel on this connection is granted
        ChannelAttrs fore = channel(in);
        ChannelAttrs back = channel(in);
        in.xdrDecodeInt(); // callback program
        int secParms = in.xdrDecodeInt();
        if (secParms < 0 || secParms > 16) {
            throw new GarbageArgsException(secParms + " callback security parameters");
        }
        for (int i = 0; i < secParms; i++) {
            int flavor = in.xdrDecodeInt();
            if (flavor == AUTH_SYS) {
                in.xdrDecodeInt(); // stamp
                XdrReader.string(in); // machine name
                in.xdrDecodeInt(); // uid
                in.xdrDecodeInt(); // gid
                int gids = in.xdrDecodeInt();
                if (gids < 0 || gids > 16) {
                    throw new GarbageArgsException(gids + " groups");
                }
                for (int g = 0; g < gids; g++) {
                    in.xdrDecodeInt();
                }
            } else if (flavor == RPCSEC_GSS) {
                in.xdrDecodeInt(); // service
                XdrReader.string(in);
                XdrReader.string(in);
            } else if (flavor != AUTH_NONE) {
                throw new GarbageArgsException("callback flavor " + flavor);
            }
        }
        return new Args(clientId, sequence, fore, back);
    }

    private static ChannelAttrs channel(XdrDecodingStream in) throws IOException {
        ChannelAttrs c = new ChannelAttrs(in.xdrDecodeInt(), in.xdrDecodeInt(), in.xdrDecodeInt(),
                in.xdrDecodeInt(), in.xdrDecodeInt(), in.xdrDecodeInt());
        int ird = in.xdrDecodeInt();
        if (ird < 0 || ird > 1) {
            throw new GarbageArgsException("rdma_ird of " + ird);
        }
        for (int i = 0; i < ird; i++) {
            in.xdrDecodeInt();
        }
        return c;
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws Nfs4Exception {
        Session s = state.server().clients().createSession(a.clientId(), a.sequence(),
                a.fore().negotiate(FORE_LIMIT), a.back().negotiate(BACK_LIMIT));
        byte[] id = s.id();
        return out -> {
            out.xdrEncodeOpaque(id, Session.ID_BYTES);
            out.xdrEncodeInt(a.sequence());
            out.xdrEncodeInt(0); // flags
            encode(out, s.fore());
            encode(out, s.back());
        };
    }

    private static void encode(XdrEncodingStream out, ChannelAttrs c) {
        out.xdrEncodeInt(c.headerPadSize());
        out.xdrEncodeInt(c.maxRequestSize());
        out.xdrEncodeInt(c.maxResponseSize());
        out.xdrEncodeInt(c.maxResponseSizeCached());
        out.xdrEncodeInt(c.maxOperations());
        out.xdrEncodeInt(c.maxRequests());
        out.xdrEncodeInt(0); // no RDMA
    }
}
