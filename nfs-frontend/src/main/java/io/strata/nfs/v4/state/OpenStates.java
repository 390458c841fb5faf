package io.strata.nfs.v4.state;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.vfs.FileId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open files (RFC 8881 9): one stateid per open-owner and file, upgraded by further OPENs. Share reservations
 * (deny modes) are not enforced: Linux clients never ask for them, and S3 writers could not honour them anyway.
 */
public final class OpenStates {
    /** An open-owner (its client and the owner bytes the client chose, as a key) and a file. */
    private record OwnerAndFile(long clientId, String ownerKey, FileId file) {
    }

    private final OtherIds ids;
    private final Map<String, Open> byStateId = new ConcurrentHashMap<>();
    private final Map<OwnerAndFile, Open> byOwnerAndFile = new ConcurrentHashMap<>();

    public OpenStates(OtherIds ids) {
        this.ids = ids;
    }

    /** One open: whose, of which file, with which access (OPEN4_SHARE_ACCESS_READ 1, WRITE 2). */
    public static final class Open {
        private final byte[] other;
        private final OwnerAndFile ownerAndFile;
        private int seqid;
        private int access;

        Open(byte[] other, OwnerAndFile ownerAndFile, int access) {
            this.other = other;
            this.ownerAndFile = ownerAndFile;
            this.access = access;
            this.seqid = 1;
        }

        public FileId file() {
            return ownerAndFile.file();
        }

        public synchronized int access() {
            return access;
        }

        public synchronized StateId stateId() {
            return new StateId(seqid, other.clone());
        }

        synchronized StateId upgrade(int more) {
            access |= more;
            seqid++;
            return stateId();
        }

        synchronized StateId downgrade(int to) {
            access = to;
            seqid++;
            return stateId();
        }

        synchronized int seqid() {
            return seqid;
        }
    }

    /** OPEN: a new stateid, or the owner's existing one for the file with the access added. */
    public StateId open(long clientId, String ownerKey, FileId file, int access) {
        OwnerAndFile key = new OwnerAndFile(clientId, ownerKey, file);
        Open fresh = new Open(ids.next(), key, access);
        Open existing = byOwnerAndFile.putIfAbsent(key, fresh);
        if (existing != null) {
            return existing.upgrade(access);
        }
        byStateId.put(fresh.stateId().key(), fresh);
        return fresh.stateId();
    }

    /** The open a stateid names, checking its sequence (0 means "whatever is current", RFC 8881 8.2.2). */
    public Open find(StateId id) throws Nfs4Exception {
        Open o = byStateId.get(id.key());
        if (o == null) {
            throw new Nfs4Exception(Nfs4Status.BAD_STATEID, "unknown stateid " + id);
        }
        id.requireCurrent(o.seqid());
        return o;
    }

    public void close(StateId id) throws Nfs4Exception {
        Open o = find(id);
        byStateId.remove(id.key());
        byOwnerAndFile.remove(o.ownerAndFile, o);
    }

    /** OPEN_DOWNGRADE: the access must be a subset of what is held. */
    public StateId downgrade(StateId id, int access) throws Nfs4Exception {
        Open o = find(id);
        if ((access & ~o.access()) != 0 || access == 0) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "downgrade to access " + access + " from " + o.access());
        }
        return o.downgrade(access);
    }

    public boolean exists(StateId id) {
        return byStateId.containsKey(id.key());
    }

    public int size() {
        return byStateId.size();
    }

    void forgetClient(long clientId) {
        byStateId.values().removeIf(o -> o.ownerAndFile.clientId() == clientId);
        byOwnerAndFile.keySet().removeIf(k -> k.clientId() == clientId);
    }
}
