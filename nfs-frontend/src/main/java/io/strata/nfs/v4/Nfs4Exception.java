package io.strata.nfs.v4;

import io.strata.nfs.xdr.XdrWriter;

/**
 * A protocol-level NFSv4 failure (sessions, state, compound rules). File-system failures arrive as
 * {@link io.strata.nfs.status.NfsException} and are translated by {@link Nfs4Status#of}; both become an
 * operation's status in one place, {@link Nfs4Program}.
 */
public class Nfs4Exception extends Exception {
    private final Nfs4Status status;
    private final XdrWriter body;

    public Nfs4Exception(Nfs4Status status, String message) {
        this(status, message, null);
    }

    /** A failure whose result carries a body (LOCK's DENIED names the conflicting lock). */
    public Nfs4Exception(Nfs4Status status, String message, XdrWriter body) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
    }

    public Nfs4Status status() {
        return status;
    }

    /** The failed result's body, or null for the operation's usual one. */
    public XdrWriter body() {
        return body;
    }
}
