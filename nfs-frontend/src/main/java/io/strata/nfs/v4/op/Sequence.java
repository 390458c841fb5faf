package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CachedReply;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.state.Session;
import io.strata.nfs.v4.state.Slot;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * SEQUENCE (RFC 8881 18.46): first in every compound of a session. Picks the slot, renews the client's lease,
 * and turns a retransmission into its cached reply (or RETRY_UNCACHED_REP when the client did not ask to cache).
 */
public final class Sequence extends Operation<Sequence.Args> {
    public record Args(byte[] sessionId, int sequence, int slot, int highestSlot, boolean cacheThis) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        return new Args(in.xdrDecodeOpaque(Session.ID_BYTES), in.xdrDecodeInt(), in.xdrDecodeInt(),
                in.xdrDecodeInt(), XdrReader.bool(in));
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws Nfs4Exception {
        Session session = state.server().clients().session(a.sessionId());
        Slot slot = session.slot(a.slot());
        if (slot == null) {
            throw new Nfs4Exception(Nfs4Status.BADSLOT, "slot " + a.slot() + " of " + (session.highestSlot() + 1));
        }
        switch (slot.accept(a.sequence())) {
            case REPLAY -> {
                byte[] cached = slot.cachedReply();
                if (cached == null) {
                    throw new Nfs4Exception(Nfs4Status.RETRY_UNCACHED_REP, "retransmission of an uncached reply");
                }
                throw new CachedReply(cached);
            }
            case IN_PROGRESS -> throw new Nfs4Exception(Nfs4Status.DELAY, "the slot's request is still running");
            case MISORDERED -> throw new Nfs4Exception(Nfs4Status.SEQ_MISORDERED,
                    "sequence " + a.sequence() + " on a slot at " + slot.seqid());
            case NEW -> { }
        }
        state.sequence(session, slot, a.cacheThis());
        if (state.operations() > session.fore().maxOperations()) {
            throw new Nfs4Exception(Nfs4Status.TOO_MANY_OPS, state.operations() + " operations");
        }
        session.client().touch();
        int highest = session.highestSlot();
        byte[] id = session.id();
        return out -> {
            out.xdrEncodeOpaque(id, Session.ID_BYTES);
            out.xdrEncodeInt(a.sequence());
            out.xdrEncodeInt(a.slot());
            out.xdrEncodeInt(highest);
            out.xdrEncodeInt(highest); // target highest slot
            out.xdrEncodeInt(0); // status flags: nothing to report
        };
    }
}
