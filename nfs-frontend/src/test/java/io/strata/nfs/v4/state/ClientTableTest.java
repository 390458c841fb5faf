package io.strata.nfs.v4.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.vfs.FileId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientTableTest {
    static final ChannelAttrs CHANNEL = new ChannelAttrs(0, 1 << 20, 1 << 20, 4096, 16, 8);

    final AtomicLong now = new AtomicLong(1_000_000);
    final OtherIds ids = new OtherIds();
    final OpenStates opens = new OpenStates(ids);
    final LockTable locks = new LockTable(ids);
    final ClientTable clients = new ClientTable(opens, locks, now::get);

    static byte[] owner(String name) {
        return name.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void theSameOwnerAndVerifierIsTheSameClientAndANewVerifierIsARestart() throws Nfs4Exception {
        Client a = clients.exchangeId(owner("host-a"), 1);
        assertSame(a, clients.exchangeId(owner("host-a"), 1));
        Session s = clients.createSession(a.id(), a.createSessionSeq(), CHANNEL, CHANNEL);
        assertSame(s, clients.createSession(a.id(), 1, CHANNEL, CHANNEL), "a replayed CREATE_SESSION");
        assertEquals(Nfs4Status.SEQ_MISORDERED, assertThrows(Nfs4Exception.class,
                () -> clients.createSession(a.id(), 7, CHANNEL, CHANNEL)).status());

        Client rebooted = clients.exchangeId(owner("host-a"), 2);
        assertNotEquals(a.id(), rebooted.id());
        assertEquals(Nfs4Status.STALE_CLIENTID, assertThrows(Nfs4Exception.class, () -> clients.client(a.id()))
                .status());
        assertEquals(Nfs4Status.BADSESSION, assertThrows(Nfs4Exception.class, () -> clients.session(s.id()))
                .status());
    }

    @Test
    void aClientWhoseLeaseRanOutLosesItsLocksWhenAnotherNeedsThem() throws Nfs4Exception {
        FileId file = new FileId(9, 1);
        Client crashed = clients.exchangeId(owner("crashed"), 1);
        Client waiting = clients.exchangeId(owner("waiting"), 1);
        LockTable.LockState held = locks.stateFor(new LockOwner(crashed.id(), "01"), file);
        assertNotNull(locks.lock(held, 0, Long.MAX_VALUE, true).granted());
        LockTable.LockState wanted = locks.stateFor(new LockOwner(waiting.id(), "02"), file);

        now.addAndGet(100_000);
        assertFalse(clients.expireIfSilent(crashed.id()), "within two lease periods the lock stands");
        assertNull(locks.lock(wanted, 0, 10, true).granted());

        now.addAndGet(100_000);
        waiting.touch();
        assertFalse(clients.expireIfSilent(waiting.id()), "a client that renews keeps its lease");
        assertTrue(clients.expireIfSilent(crashed.id()));
        assertNotNull(locks.lock(wanted, 0, 10, true).granted(), "the expired client's lock is gone");
        assertEquals(Nfs4Status.STALE_CLIENTID, assertThrows(Nfs4Exception.class,
                () -> clients.client(crashed.id())).status());
    }

    @Test
    void aClientWithASessionCannotBeDestroyed() throws Nfs4Exception {
        Client c = clients.exchangeId(owner("busy"), 1);
        Session s = clients.createSession(c.id(), c.createSessionSeq(), CHANNEL, CHANNEL);
        assertEquals(Nfs4Status.CLIENTID_BUSY, assertThrows(Nfs4Exception.class,
                () -> clients.destroyClient(c.id())).status());
        clients.destroySession(s.id());
        clients.destroyClient(c.id());
        assertEquals(Nfs4Status.STALE_CLIENTID, assertThrows(Nfs4Exception.class, () -> clients.client(c.id()))
                .status());
    }
}
