package io.strata.nfs.v4.state;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.vfs.FileId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Byte-range locks (RFC 8881 9.4, 18.10 to 18.12), advisory and in memory: what fcntl and flock on a Linux NFSv4
 * mount use. One lock stateid per lock owner and file; POSIX semantics within an owner (a new lock replaces the
 * owner's locks on the range, an unlock may split one). A restart forgets every lock; clients reclaim them, and a
 * reclaim is granted like any lock (nothing else can hold one yet).
 */
public final class LockTable {
    /** {@code end} is exclusive; a lock "to the end of the file" ends at Long.MAX_VALUE. */
    public record Range(LockOwner owner, long start, long end, boolean write) {
        boolean overlaps(long s, long e) {
            return start < e && s < end;
        }
    }

    /** What a LOCK got: the owner's new stateid, or the lock held by another owner that stops it. */
    public record Outcome(StateId granted, Range conflict) {
    }

    /** A lock owner's state on one file. */
    public static final class LockState {
        private final byte[] other;
        private final LockOwner owner;
        private final FileId file;
        private int seqid = 1;

        LockState(byte[] other, LockOwner owner, FileId file) {
            this.other = other;
            this.owner = owner;
            this.file = file;
        }

        public FileId file() {
            return file;
        }

        public LockOwner owner() {
            return owner;
        }

        synchronized StateId bump() {
            seqid++;
            return stateId();
        }

        public synchronized StateId stateId() {
            return new StateId(seqid, other.clone());
        }

        synchronized int seqid() {
            return seqid;
        }
    }

    private record OwnerAndFile(LockOwner owner, FileId file) {
    }

    private final OtherIds ids;
    private final Map<String, LockState> byStateId = new ConcurrentHashMap<>();
    private final Map<OwnerAndFile, LockState> byOwnerAndFile = new ConcurrentHashMap<>();
    private final Map<FileId, List<Range>> locks = new ConcurrentHashMap<>();

    public LockTable(OtherIds ids) {
        this.ids = ids;
    }

    /** The state of a lock owner on a file, made at its first lock. */
    public LockState stateFor(LockOwner owner, FileId file) {
        return byOwnerAndFile.computeIfAbsent(new OwnerAndFile(owner, file), k -> {
            LockState s = new LockState(ids.next(), owner, file);
            byStateId.put(s.stateId().key(), s);
            return s;
        });
    }

    /** The lock state a stateid names, with the same sequence rules as opens. */
    public LockState find(StateId id) throws Nfs4Exception {
        LockState s = byStateId.get(id.key());
        if (s == null) {
            throw new Nfs4Exception(Nfs4Status.BAD_STATEID, "unknown lock stateid " + id);
        }
        id.requireCurrent(s.seqid());
        return s;
    }

    public boolean exists(StateId id) {
        return byStateId.containsKey(id.key());
    }

    /** Takes the lock unless another owner's lock conflicts with it. */
    public Outcome lock(LockState s, long start, long end, boolean write) {
        synchronized (this) {
            Range conflict = test(s.file, s.owner, start, end, write);
            if (conflict != null) {
                return new Outcome(null, conflict);
            }
            List<Range> held = locks.computeIfAbsent(s.file, f -> new ArrayList<>());
            carve(held, s.owner, start, end);
            held.add(new Range(s.owner, start, end, write));
        }
        return new Outcome(s.bump(), null);
    }

    /** The lock that would stop {@code owner} from taking this one, or null. */
    public synchronized Range test(FileId file, LockOwner owner, long start, long end, boolean write) {
        for (Range r : locks.getOrDefault(file, List.of())) {
            if (!r.owner.equals(owner) && r.overlaps(start, end) && (write || r.write)) {
                return r;
            }
        }
        return null;
    }

    public StateId unlock(LockState s, long start, long end) {
        synchronized (this) {
            List<Range> held = locks.get(s.file);
            if (held != null) {
                carve(held, s.owner, start, end);
                if (held.isEmpty()) {
                    locks.remove(s.file);
                }
            }
        }
        return s.bump();
    }

    /** FREE_STATEID of a lock stateid: refused while the owner still holds a lock on the file. */
    public void free(StateId id) throws Nfs4Exception {
        LockState s = find(id);
        synchronized (this) {
            for (Range r : locks.getOrDefault(s.file, List.of())) {
                if (r.owner.equals(s.owner)) {
                    throw new Nfs4Exception(Nfs4Status.LOCKS_HELD, "the owner still holds locks");
                }
            }
        }
        byStateId.remove(id.key());
        byOwnerAndFile.remove(new OwnerAndFile(s.owner, s.file), s);
    }

    synchronized void forgetClient(long clientId) {
        locks.values().forEach(l -> l.removeIf(r -> r.owner.clientId() == clientId));
        locks.values().removeIf(List::isEmpty);
        byStateId.values().removeIf(s -> s.owner.clientId() == clientId);
        byOwnerAndFile.values().removeIf(s -> s.owner.clientId() == clientId);
    }

    /** Removes {@code owner}'s locks from [start, end), keeping the parts outside it. */
    private static void carve(List<Range> held, LockOwner owner, long start, long end) {
        List<Range> kept = new ArrayList<>();
        for (Range r : held) {
            if (!r.owner.equals(owner) || !r.overlaps(start, end)) {
                kept.add(r);
                continue;
            }
            if (r.start < start) {
                kept.add(new Range(owner, r.start, start, r.write));
            }
            if (r.end > end) {
                kept.add(new Range(owner, end, r.end, r.write));
            }
        }
        held.clear();
        held.addAll(kept);
    }
}
