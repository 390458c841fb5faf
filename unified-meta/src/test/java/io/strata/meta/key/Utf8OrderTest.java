package io.strata.meta.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8OrderTest {

    @Test
    void ordersByUtf8BytesNotUtf16Units() {
        String supplementary = new String(Character.toChars(0x1F600)); // emoji, above U+FFFF
        String privateUse = "\uE000";
        // UTF-16: U+D83D... < U+E000; UTF-8: F0 9F... > EE 80 80. S3 wants the UTF-8 answer.
        assertTrue(supplementary.compareTo(privateUse) < 0, "premise: Java orders them the other way");
        assertTrue(Utf8Order.compare(supplementary, privateUse) > 0);
        assertTrue(Utf8Order.sortable(supplementary).compareTo(Utf8Order.sortable(privateUse)) > 0);
    }

    @Test
    void sortableFormAgreesWithByteOrderOnMixedKeys() {
        List<String> keys = new ArrayList<>(List.of("a", "a/b", "a-b", "a0", "é", "z", "\uFFFD",
                new String(Character.toChars(0x10400)), "A", "", "a\u0001"));
        List<String> bySortable = new ArrayList<>(keys);
        bySortable.sort((x, y) -> Utf8Order.sortable(x).compareTo(Utf8Order.sortable(y)));
        List<String> byBytes = new ArrayList<>(keys);
        byBytes.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        List<String> byCompare = new ArrayList<>(keys);
        byCompare.sort(Utf8Order::compare);
        assertEquals(byBytes, bySortable);
        assertEquals(byBytes, byCompare);
    }

    @Test
    void directoriesSortAsNameSlash() {
        // "a-b" < "a/" < "a0": a directory's keys fall between its neighbours exactly as in a flat listing.
        assertTrue(Utf8Order.entrySortKey("a-b", false).compareTo(Utf8Order.entrySortKey("a", true)) < 0);
        assertTrue(Utf8Order.entrySortKey("a", true).compareTo(Utf8Order.entrySortKey("a0", false)) < 0);
    }

    @Test
    void sortableRoundTrips() {
        String s = "dir/ü/" + new String(Character.toChars(0x1F600));
        assertEquals(s, Utf8Order.fromSortable(Utf8Order.sortable(s)));
        assertEquals(s.getBytes(StandardCharsets.UTF_8).length, Utf8Order.utf8Length(s));
    }
}
