package io.strata.nfs.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.strata.nfs.vfs.Caller;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stat;
import org.junit.jupiter.api.Test;

class SetIdBitsTest {
    private static final Caller ROOT = new Caller(0, 0, new int[0]);
    private static final Caller ALICE = new Caller(1000, 1000, new int[0]);

    private static Stat file(FileType type, int mode) {
        return new Stat(new FileId(1000, 1), type, mode, 1, 0, 0, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void aWriteByAnUnprivilegedUserDropsSetUidAndExecutableSetGid() {
        assertEquals(0777, SetIdBits.afterWrite(file(FileType.REGULAR, 06777), ALICE));
        assertEquals(02745, SetIdBits.afterWrite(file(FileType.REGULAR, 06745), ALICE), "set-gid without g+x stays");
        assertNull(SetIdBits.afterWrite(file(FileType.REGULAR, 06777), ROOT), "root keeps them");
        assertNull(SetIdBits.afterWrite(file(FileType.REGULAR, 0777), ALICE), "nothing to drop");
    }

    @Test
    void aNewOwnerOrGroupDropsThemWhoeverAsksUnlessTheModeIsSetToo() {
        SetAttributes chown = new SetAttributes(null, 1000, null, null, null, null);
        assertEquals(0755, SetIdBits.applied(file(FileType.REGULAR, 06755), chown, ROOT).mode());
        assertEquals(1000, SetIdBits.applied(file(FileType.REGULAR, 06755), chown, ROOT).uid());
        SetAttributes both = new SetAttributes(04755, 1000, null, null, null, null);
        assertEquals(04755, SetIdBits.applied(file(FileType.REGULAR, 06755), both, ROOT).mode());
        assertNull(SetIdBits.applied(file(FileType.DIRECTORY, 02755), chown, ROOT).mode(), "directories keep set-gid");
        SetAttributes times = new SetAttributes(null, null, null, null, 1L, 1L);
        assertNull(SetIdBits.applied(file(FileType.REGULAR, 06755), times, ROOT).mode());
    }

    @Test
    void onlyAMemberOfTheGroupMaySetSetGid() {
        SetAttributes chmod = new SetAttributes(02755, null, null, null, null, null);
        assertEquals(0755, SetIdBits.applied(file(FileType.REGULAR, 0755), chmod, ALICE).mode(), "file group 0");
        Caller member = new Caller(1000, 1000, new int[] {0});
        assertEquals(02755, SetIdBits.applied(file(FileType.REGULAR, 0755), chmod, member).mode());
        assertEquals(02755, SetIdBits.applied(file(FileType.REGULAR, 0755), chmod, ROOT).mode());
    }
}
