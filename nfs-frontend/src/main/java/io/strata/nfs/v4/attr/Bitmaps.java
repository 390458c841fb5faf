package io.strata.nfs.v4.attr;

/** bitmap4 arithmetic: attribute n is bit n % 32 of word n / 32. */
public final class Bitmaps {
    private Bitmaps() {
    }

    public static boolean has(int[] map, int bit) {
        int word = bit >>> 5;
        return word < map.length && (map[word] & (1 << (bit & 31))) != 0;
    }

    public static int[] of(int... bits) {
        int max = 0;
        for (int b : bits) {
            max = Math.max(max, b);
        }
        int[] map = new int[(max >>> 5) + 1];
        for (int b : bits) {
            map[b >>> 5] |= 1 << (b & 31);
        }
        return map;
    }

    /** How many words the map needs on the wire: trailing zero words are not sent. */
    public static int usedWords(int[] map) {
        int words = map.length;
        while (words > 0 && map[words - 1] == 0) {
            words--;
        }
        return words;
    }

    /** The highest attribute number the map could hold. */
    public static int limit(int[] map) {
        return map.length * 32;
    }
}
