package io.strata.nfs.v4.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.vfs.FileId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OpenStatesTest {
    static final int READ = 1;
    static final int WRITE = 2;

    final OpenStates opens = new OpenStates(new OtherIds());
    final FileId file = new FileId(7, 1);

    @Test
    void aSecondOpenByTheSameOwnerUpgradesItsStateId() throws Exception {
        StateId first = opens.open(1, "owner", file, READ);
        StateId second = opens.open(1, "owner", file, WRITE);
        assertArrayEquals(first.other(), second.other(), "one stateid per open-owner and file (RFC 8881 9.1.4)");
        assertEquals(first.seqid() + 1, second.seqid());
        assertEquals(READ | WRITE, opens.find(second).access());
        Nfs4Exception old = assertThrows(Nfs4Exception.class, () -> opens.find(first));
        assertEquals(Nfs4Status.OLD_STATEID, old.status());
        assertEquals(1, opens.size());
    }

    @Test
    void ownersClientsAndFilesEachGetTheirOwnStateId() {
        StateId base = opens.open(1, "owner", file, READ);
        StateId otherOwner = opens.open(1, "owner2", file, READ);
        StateId otherClient = opens.open(2, "owner", file, READ);
        StateId otherGeneration = opens.open(1, "owner", new FileId(7, 2), READ);
        for (StateId id : new StateId[] {otherOwner, otherClient, otherGeneration}) {
            assertFalse(Arrays.equals(base.other(), id.other()));
        }
        assertEquals(4, opens.size());
    }

    @Test
    void closeForgetsTheOpenSoTheNextOpenIsNew() throws Exception {
        StateId first = opens.open(1, "owner", file, READ);
        opens.close(first);
        assertFalse(opens.exists(first));
        StateId again = opens.open(1, "owner", file, READ);
        assertFalse(Arrays.equals(first.other(), again.other()));
        assertEquals(1, again.seqid());
        Nfs4Exception gone = assertThrows(Nfs4Exception.class, () -> opens.find(first));
        assertEquals(Nfs4Status.BAD_STATEID, gone.status());
    }

    @Test
    void forgettingAClientDropsOnlyItsOpens() {
        StateId mine = opens.open(1, "owner", file, READ);
        StateId theirs = opens.open(2, "owner", file, READ);
        opens.forgetClient(1);
        assertFalse(opens.exists(mine));
        assertTrue(opens.exists(theirs));
        StateId reopened = opens.open(1, "owner", file, READ);
        assertEquals(1, reopened.seqid(), "the owner's old open is gone, not upgraded");
    }
}
