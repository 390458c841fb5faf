package io.strata.nfs.v4.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.vfs.FileId;
import org.junit.jupiter.api.Test;

class LockTableTest {
    final LockTable table = new LockTable(new OtherIds());
    final FileId file = new FileId(7, 1);
    final LockTable.LockState alice = table.stateFor(new LockOwner(1, "aa"), file);
    final LockTable.LockState bob = table.stateFor(new LockOwner(1, "bb"), file);

    @Test
    void readLocksShareWriteLocksExclude() {
        assertNotNull(table.lock(alice, 0, 100, false).granted());
        assertNotNull(table.lock(bob, 50, 150, false).granted(), "two readers");
        LockTable.Outcome w = table.lock(bob, 0, 10, true);
        assertNull(w.granted());
        assertEquals(0, w.conflict().start(), "the reader in the way is named");
        assertEquals(100, w.conflict().end());
        assertNotNull(table.lock(bob, 100, 200, true).granted(), "beyond alice's range, bob upgrades his own");
    }

    @Test
    void anUnlockInTheMiddleSplitsALock() throws Nfs4Exception {
        table.lock(alice, 0, Long.MAX_VALUE, true);
        table.unlock(alice, 10, 20);
        assertNull(table.test(file, bob.owner(), 10, 20, true), "the hole is free");
        assertNotNull(table.test(file, bob.owner(), 0, 10, false), "before the hole is still held");
        assertNotNull(table.test(file, bob.owner(), 1 << 30, (1 << 30) + 1, false), "after the hole too");
        assertEquals(Nfs4Status.LOCKS_HELD,
                assertThrows(Nfs4Exception.class, () -> table.free(alice.stateId())).status());
        table.unlock(alice, 0, Long.MAX_VALUE);
        table.free(alice.stateId());
        assertEquals(Nfs4Status.BAD_STATEID,
                assertThrows(Nfs4Exception.class, () -> table.find(alice.stateId())).status());
    }

    @Test
    void aVanishedClientsLocksGo() {
        table.lock(alice, 0, 10, true);
        table.forgetClient(1);
        LockTable.LockState carol = table.stateFor(new LockOwner(2, "cc"), file);
        assertNotNull(table.lock(carol, 0, 10, true).granted());
    }
}
