package io.strata.nfs.v4;

import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v4.state.Session;
import io.strata.nfs.v4.state.Slot;
import io.strata.nfs.vfs.FileId;

/**
 * What the operations of one COMPOUND share (RFC 8881 16.2.3): the current and saved file handles, the current
 * stateid, and the session and slot SEQUENCE found.
 */
public final class CompoundState {
    private final NfsContext ctx;
    private final ServerState server;
    private final int minorVersion;
    private final int operations;
    private FileId current;
    private FileId saved;
    private StateId currentStateId;
    private Session session;
    private Slot slot;
    private boolean cacheThis;

    public CompoundState(NfsContext ctx, ServerState server, int minorVersion, int operations) {
        this.ctx = ctx;
        this.server = server;
        this.minorVersion = minorVersion;
        this.operations = operations;
    }

    public NfsContext ctx() {
        return ctx;
    }

    public ServerState server() {
        return server;
    }

    public int minorVersion() {
        return minorVersion;
    }

    /** How many operations the compound holds (SEQUENCE checks them against the session's limit). */
    public int operations() {
        return operations;
    }

    public FileId current() throws Nfs4Exception {
        if (current == null) {
            throw new Nfs4Exception(Nfs4Status.NOFILEHANDLE, "no current file handle");
        }
        return current;
    }

    public void current(FileId id) {
        current = id;
        currentStateId = null;
    }

    public FileId saved() throws Nfs4Exception {
        if (saved == null) {
            throw new Nfs4Exception(Nfs4Status.RESTOREFH, "no saved file handle");
        }
        return saved;
    }

    public void save() throws Nfs4Exception {
        saved = current();
    }

    public void restore() throws Nfs4Exception {
        current = saved();
    }

    /** A stateid from the wire, with "the current stateid" replaced by the one set earlier in the compound. */
    public StateId resolve(StateId id) throws Nfs4Exception {
        if (!id.isCurrent()) {
            return id;
        }
        if (currentStateId == null) {
            throw new Nfs4Exception(Nfs4Status.BAD_STATEID, "no current stateid");
        }
        return currentStateId;
    }

    public void currentStateId(StateId id) {
        currentStateId = id;
    }

    public Session session() {
        return session;
    }

    public Slot slot() {
        return slot;
    }

    public boolean cacheThis() {
        return cacheThis;
    }

    public void sequence(Session session, Slot slot, boolean cacheThis) {
        this.session = session;
        this.slot = slot;
        this.cacheThis = cacheThis;
    }
}
