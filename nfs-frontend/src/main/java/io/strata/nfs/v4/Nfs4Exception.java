package io.strata.nfs.v4;

/**
 * A protocol-level NFSv4 failure (sessions, state, compound rules). File-system failures arrive as
 * {@link io.strata.nfs.status.NfsException} and are translated by {@link Nfs4Status#of}; both become an
 * operation's status in one place, {@link Nfs4Program}.
 */
public class Nfs4Exception extends Exception {
    private final Nfs4Status status;

    public Nfs4Exception(Nfs4Status status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public Nfs4Status status() {
        return status;
    }
}
