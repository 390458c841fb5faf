package io.strata.nfs.v4.state;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients and their sessions, in memory. A server restart forgets them: clients then see BADSESSION or
 * STALE_CLIENTID and establish themselves again, as RFC 8881 8.4.2 describes. Client ids carry the server's start
 * time so that an id from before a restart is never mistaken for a new one.
 */
public final class ClientTable {
    /** Clients silent this long lose their state (many lease periods: only vanished clients are dropped). */
    static final long FORGET_AFTER_MILLIS = 20L * 60 * 1000;

    private final long boot = System.currentTimeMillis() / 1000;
    private final AtomicLong counter = new AtomicLong();
    private final Map<Long, Client> byId = new ConcurrentHashMap<>();
    private final Map<String, Client> byOwner = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final OpenStates opens;
    private final LockTable locks;

    public ClientTable(OpenStates opens, LockTable locks) {
        this.opens = opens;
        this.locks = locks;
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
        Client c = new Client((boot << 32) | (counter.incrementAndGet() & 0xffffffffL), key, verifier, 1);
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

    private void drop(Client c) {
        byId.remove(c.id());
        byOwner.remove(c.ownerKey(), c);
        sessions.values().removeIf(s -> s.client() == c);
        opens.forgetClient(c.id());
        locks.forgetClient(c.id());
    }

    private void forgetSilentClients() {
        long cutoff = System.currentTimeMillis() - FORGET_AFTER_MILLIS;
        for (Client c : byId.values()) {
            if (c.lastSeenMillis() < cutoff) {
                drop(c);
            }
        }
    }
}
