package io.strata.nfs.v4.state;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.attr.Fattr;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Clients and their sessions, in memory. A server restart forgets them: clients then see BADSESSION or
 * STALE_CLIENTID and establish themselves again, as RFC 8881 8.4.2 describes. Client ids carry the server's start
 * time so that an id from before a restart is never mistaken for a new one.
 */
public final class ClientTable {
    /** Clients silent this long lose their state (many lease periods: only vanished clients are dropped). */
    static final long FORGET_AFTER_MILLIS = 20L * 60 * 1000;
    /** A lease has run out after two lease periods without a SEQUENCE (one would do; the second is margin). */
    static final long LEASE_EXPIRED_MILLIS = 2L * Fattr.LEASE_SECONDS * 1000;

    private final long boot = System.currentTimeMillis() / 1000;
    private final AtomicLong counter = new AtomicLong();
    private final Map<Long, Client> byId = new ConcurrentHashMap<>();
    private final Map<String, Client> byOwner = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final OpenStates opens;
    private final LockTable locks;
    private final LongSupplier clock;

    public ClientTable(OpenStates opens, LockTable locks) {
        this(opens, locks, System::currentTimeMillis);
    }

    /** @param clock milliseconds, for leases (tests pass their own) */
    public ClientTable(OpenStates opens, LockTable locks, LongSupplier clock) {
        this.opens = opens;
        this.locks = locks;
        this.clock = clock;
    }

    /**
     * EXCHANGE_ID: the same owner with the same verifier is the same client; a new verifier means the client
     * restarted, so its old state goes.
     */
    public synchronized Client exchangeId(byte[] owner, long verifier) {
        forgetSilentClients();
        String key = HexFormat.of().formatHex(owner);
        Client known = byOwner.get(key);
        if (known != null && known.verifier() == verifier) {
            known.touch();
            return known;
        }
        if (known != null) {
            drop(known);
        }
        Client c = new Client((boot << 32) | (counter.incrementAndGet() & 0xffffffffL), key, verifier, 1, clock);
        byId.put(c.id(), c);
        byOwner.put(key, c);
        return c;
    }

    /** CREATE_SESSION (RFC 8881 18.36.4): the sequence must be the expected one, or the previous one (a replay). */
    public synchronized Session createSession(long clientId, int sequence, ChannelAttrs fore, ChannelAttrs back)
            throws Nfs4Exception {
        Client c = client(clientId);
        int expected = c.nextCreateSessionSeq();
        if (sequence == expected - 1 && c.lastCreated() != null) {
            return c.lastCreated();
        }
        if (sequence != expected) {
            throw new Nfs4Exception(Nfs4Status.SEQ_MISORDERED, "CREATE_SESSION sequence " + sequence
                    + ", expected " + expected);
        }
        byte[] id = ByteBuffer.allocate(Session.ID_BYTES).putLong(clientId).putLong(counter.incrementAndGet())
                .array();
        Session s = new Session(id, c, fore, back);
        sessions.put(s.key(), s);
        c.sessionCreated(s);
        c.touch();
        return s;
    }

    public Client client(long clientId) throws Nfs4Exception {
        Client c = byId.get(clientId);
        if (c == null) {
            throw new Nfs4Exception(Nfs4Status.STALE_CLIENTID, "unknown client id " + Long.toHexString(clientId));
        }
        return c;
    }

    public Session session(byte[] id) throws Nfs4Exception {
        Session s = sessions.get(HexFormat.of().formatHex(id));
        if (s == null) {
            throw new Nfs4Exception(Nfs4Status.BADSESSION, "unknown session");
        }
        return s;
    }

    public void destroySession(byte[] id) throws Nfs4Exception {
        if (sessions.remove(HexFormat.of().formatHex(id)) == null) {
            throw new Nfs4Exception(Nfs4Status.BADSESSION, "unknown session");
        }
    }

    /** DESTROY_CLIENTID: refused while the client still has a session. */
    public synchronized void destroyClient(long clientId) throws Nfs4Exception {
        Client c = client(clientId);
        if (sessions.values().stream().anyMatch(s -> s.client() == c)) {
            throw new Nfs4Exception(Nfs4Status.CLIENTID_BUSY, "the client still has sessions");
        }
        drop(c);
    }

    /**
     * Drops a client whose lease has run out, with its sessions, opens and locks, so that a crashed client's
     * locks stop blocking others (RFC 8881 8.4.3 lets a server release an expired client's state when another
     * client needs it; until then it is kept, in case the client comes back). True when it dropped one.
     */
    public synchronized boolean expireIfSilent(long clientId) {
        Client c = byId.get(clientId);
        if (c == null || clock.getAsLong() - c.lastSeenMillis() < LEASE_EXPIRED_MILLIS) {
            return false;
        }
        drop(c);
        return true;
    }

    private void drop(Client c) {
        byId.remove(c.id());
        byOwner.remove(c.ownerKey(), c);
        sessions.values().removeIf(s -> s.client() == c);
        opens.forgetClient(c.id());
        locks.forgetClient(c.id());
    }

    private void forgetSilentClients() {
        long cutoff = clock.getAsLong() - FORGET_AFTER_MILLIS;
        for (Client c : byId.values()) {
            if (c.lastSeenMillis() < cutoff) {
                drop(c);
            }
        }
    }
}
