package io.strata.nfs.v3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

    @Test
    void namesAreStrictUtf8WhetherAsciiOrNot() {
        assertEquals("plain-name_01.csv", Names.utf8(b("plain-name_01.csv")));
        assertEquals("tab\tdel\u007f", Names.utf8(b("tab\tdel\u007f")));
        assertEquals("Grüße/日本", Names.utf8(b("Grüße/日本")));
        assertNull(Names.utf8(new byte[] {'a', 'b', (byte) 0xff}), "a byte UTF-8 never uses");
        assertNull(Names.utf8(new byte[] {'a', (byte) 0xc0, (byte) 0xaf}), "an overlong '/'");
        assertNull(Names.utf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), "a UTF-16 surrogate");
        assertNull(Names.utf8(new byte[] {'a', (byte) 0xe6, (byte) 0x97}), "a truncated sequence");
    }
}
