package io.strata.nfs.v4.state;

import java.util.function.LongSupplier;

/**
 * A client as EXCHANGE_ID made it (RFC 8881 18.35): the owner it names itself by, the boot verifier of that
 * incarnation, and the sequence CREATE_SESSION must present next.
 */
public final class Client {
    private final long id;
    private final String ownerKey;
    private final long verifier;
    private int createSessionSeq;
    private Session lastCreated;
    private boolean confirmed;
    private final LongSupplier clock;
    private volatile long lastSeenMillis;

    Client(long id, String ownerKey, long verifier, int createSessionSeq, LongSupplier clock) {
        this.id = id;
        this.ownerKey = ownerKey;
        this.verifier = verifier;
        this.createSessionSeq = createSessionSeq;
        this.clock = clock;
        this.lastSeenMillis = clock.getAsLong();
    }

    public long id() {
        return id;
    }

    public String ownerKey() {
        return ownerKey;
    }

    public long verifier() {
        return verifier;
    }

    /** The eir_sequenceid EXCHANGE_ID hands out: the one CREATE_SESSION must use next. */
    public synchronized int createSessionSeq() {
        return createSessionSeq;
    }

    public synchronized boolean confirmed() {
        return confirmed;
    }

    synchronized int nextCreateSessionSeq() {
        return createSessionSeq;
    }

    synchronized void sessionCreated(Session s) {
        lastCreated = s;
        createSessionSeq++;
        confirmed = true;
    }

    synchronized Session lastCreated() {
        return lastCreated;
    }

    /** The client renewed its lease (any SEQUENCE does). */
    public void touch() {
        lastSeenMillis = clock.getAsLong();
    }

    long lastSeenMillis() {
        return lastSeenMillis;
    }
}
