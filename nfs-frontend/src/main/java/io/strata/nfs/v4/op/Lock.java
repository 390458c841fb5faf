package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.state.LockOwner;
import io.strata.nfs.v4.state.LockTable;
import io.strata.nfs.v4.state.OpenStates;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * LOCK (RFC 8881 18.10): a byte-range lock for a lock owner, who is new (named with the open it locks through)
 * or known by its lock stateid. A conflict is DENIED with the lock in the way; blocking requests are answered the
 * same way, and the client polls. Reclaims after a restart are granted as ordinary locks.
 */
public final class Lock extends Operation<Lock.Args> {
    /** @param openStateId set for a new lock owner; @param lockStateId set for a known one */
    public record Args(int type, long offset, long length, StateId openStateId, byte[] owner, StateId lockStateId) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        int type = in.xdrDecodeInt();
        XdrReader.bool(in); // reclaim: granted as any lock
        long offset = in.xdrDecodeLong();
        long length = in.xdrDecodeLong();
        if (XdrReader.bool(in)) {
            in.xdrDecodeInt(); // open seqid
            StateId open = Xdr4.stateId(in);
            in.xdrDecodeInt(); // lock seqid
            in.xdrDecodeLong(); // the owner's client id: the session's is used
            return new Args(type, offset, length, open, Xdr4.opaque(in), null);
        }
        StateId lock = Xdr4.stateId(in);
        in.xdrDecodeInt(); // lock seqid
        return new Args(type, offset, length, null, null, lock);
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws Nfs4Exception {
        FileId file = state.current();
        boolean write = LockRanges.isWrite(a.type());
        long end = LockRanges.end(a.offset(), a.length());
        LockTable locks = state.server().locks();
        LockTable.LockState owner;
        if (a.openStateId() != null) {
            OpenStates.Open open = state.server().opens().find(state.resolve(a.openStateId()));
            if (!open.file().equals(file)) {
                throw new Nfs4Exception(Nfs4Status.BAD_STATEID, "the open is of another file");
            }
            if (write && (open.access() & Open.ACCESS_WRITE) == 0) {
                throw new Nfs4Exception(Nfs4Status.OPENMODE, "a write lock through a read-only open");
            }
            owner = locks.stateFor(LockOwner.of(Opens.clientId(state), a.owner()), file);
        } else {
            owner = locks.find(state.resolve(a.lockStateId()));
            if (!owner.file().equals(file)) {
                throw new Nfs4Exception(Nfs4Status.BAD_STATEID, "the lock stateid is for another file");
            }
        }
        LockTable.Outcome outcome = locks.lock(owner, a.offset(), end, write);
        if (outcome.conflict() != null && state.server().clients().expireIfSilent(
                outcome.conflict().owner().clientId())) {
            outcome = locks.lock(owner, a.offset(), end, write); // the holder's lease had run out
        }
        if (outcome.conflict() != null) {
            throw LockRanges.denied(outcome.conflict());
        }
        StateId granted = outcome.granted();
        state.currentStateId(granted);
        return out -> Xdr4.stateId(out, granted);
    }
}
