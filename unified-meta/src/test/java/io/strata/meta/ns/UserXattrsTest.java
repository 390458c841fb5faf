package io.strata.meta.ns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserXattrsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainAsciiIsStoredAsItIsSoS3ShowsTheSameText() {
        assertEquals("red", UserXattrs.encode(utf8("red")));
        assertEquals("a b=c;d", UserXattrs.encode(utf8("a b=c;d")));
        assertEquals("", UserXattrs.encode(new byte[0]));
        assertArrayEquals(utf8("red"), UserXattrs.decode("red"));
    }

    @Test
    void anythingElseIsAnEncodedWordThatDecodesToTheSameBytes() {
        assertEquals("=?UTF-8?B?Y2Fmw6k=?=", UserXattrs.encode(utf8("café")), "as S3 returns non-ASCII metadata");
        byte[] binary = {0, 1, (byte) 0xff, (byte) 0xfe, '\r', '\n', 'x'};
        String stored = UserXattrs.encode(binary);
        assertEquals("=?ISO-8859-1?B?AAH//g0KeA==?=", stored, "bytes that are not UTF-8");
        for (byte[] value : new byte[][] {utf8("café"), binary, utf8(" padded "), utf8("line\n"), utf8("=?x?B?AA==?=")}) {
            String s = UserXattrs.encode(value);
            assertEquals(-1, s.indexOf('\n'), "header-safe: " + s);
            assertArrayEquals(value, UserXattrs.decode(s), s);
        }
    }

    @Test
    void metadataFromS3ReadsBackAsTheBytesTheClientSent() {
        // Netty gives header bytes one char each: the UTF-8 of "é" arrives as two chars.
        assertArrayEquals(utf8("é"), UserXattrs.decode(new String(utf8("é"), StandardCharsets.ISO_8859_1)));
        assertArrayEquals(utf8("é"), UserXattrs.decode("=?utf-8?b?w6k=?="), "an encoded word an S3 client sent");
        assertArrayEquals(utf8("=?bad?B?***?="), UserXattrs.decode("=?bad?B?***?="), "not base64: as is");
    }

    @Test
    void sizesCountNamesAndStoredValues() {
        assertEquals(8, UserXattrs.size("color", "red"));
        assertEquals(8 + 2, UserXattrs.totalSize(Map.of("color", "red", "a", "b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"color", "xdg.origin.url", "DOSATTRIB", "a-b_c~d!e", "mime_type"})
    void headerTokenNamesAreAccepted(String name) {
        assertNull(UserXattrs.refusal(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "a:b", "caf\u00e9", "a/b", "uid", "GID", "Mode"})
    void namesS3CannotCarryOrThatMeanOwnershipAreRefused(String name) {
        assertNotNull(UserXattrs.refusal(name));
    }

    @Test
    void namesAreAtMost250Bytes() {
        assertNull(UserXattrs.refusal("n".repeat(250)));
        assertNotNull(UserXattrs.refusal("n".repeat(251)));
    }
}
