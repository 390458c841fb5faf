package io.strata.nfs.v3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NamesTest {
    static NfsStatus status(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(NfsException.class, e).status();
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theLinuxAnswersForDotsAndBadBytes() throws NfsException {
        assertEquals("é.txt", Names.create(b("é.txt")));
        assertEquals("..", Names.lookup(b("..")));
        assertEquals(NfsStatus.EXIST, status(() -> Names.create(b(".."))));
        assertEquals(NfsStatus.INVAL, status(() -> Names.remove(b("."))));
        assertEquals(NfsStatus.NOTEMPTY, status(() -> Names.remove(b(".."))));
        assertEquals(NfsStatus.INVAL, status(() -> Names.rename(b("."))));
        assertEquals(NfsStatus.INVAL, status(() -> Names.create(new byte[] {'a', 0, 'b'})));
        assertEquals(NfsStatus.INVAL, status(() -> Names.create(b("a/b"))));
        assertEquals(NfsStatus.NAMETOOLONG, status(() -> Names.create(b("x".repeat(256)))));
        assertEquals("x".repeat(255), Names.create(b("x".repeat(255))));
        assertEquals(NfsStatus.INVAL, status(() -> Names.create(new byte[] {(byte) 0xc3})));
        assertEquals(NfsStatus.INVAL, status(() -> Names.create(new byte[0])));
    }
}
