package io.strata.tiering.volume.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlobKeysTest {
    @Test
    void keyIsThePrefixThenTheId() {
        assertEquals("tier/mybucket/dir/file.csv", new BlobKeys("tier").keyOf("mybucket/dir/file.csv"));
        assertEquals("mybucket/dir/file.csv", new BlobKeys("").keyOf("mybucket/dir/file.csv"));
        assertEquals("tier/", new BlobKeys("tier").listPrefix());
        assertEquals("", new BlobKeys("").listPrefix());
    }

    @Test
    void idsThatEscapeOrOverflowAreRefused() {
        BlobKeys keys = new BlobKeys("p");
        assertThrows(IllegalArgumentException.class, () -> keys.keyOf(""));
        assertThrows(IllegalArgumentException.class, () -> keys.keyOf(null));
        assertThrows(IllegalArgumentException.class, () -> keys.keyOf("/a"));
        assertThrows(IllegalArgumentException.class, () -> keys.keyOf(".."));
        assertThrows(IllegalArgumentException.class, () -> keys.keyOf("a/../b"));
        assertThrows(IllegalArgumentException.class, () -> keys.keyOf("a/.."));
        assertEquals("p/a/..b", keys.keyOf("a/..b"));
        String longest = "é".repeat(450); // 900 bytes in UTF-8, the most an id may have
        assertEquals("p/" + longest, keys.keyOf(longest));
        assertThrows(IllegalArgumentException.class, () -> keys.keyOf(longest + "x"));
    }
}
