package io.strata.meta.key;

import java.nio.charset.StandardCharsets;

/**
 * S3 lists keys in the byte order of their UTF-8 encoding. Java's {@code String.compareTo} compares UTF-16 units,
 * which disagrees for characters above U+FFFF against U+E000..U+FFFF. UTF-8 byte order equals code point order,
 * so comparing code points is exact; for the Ignite index we store a "sortable" form (each UTF-8 byte as one
 * ISO-8859-1 char), whose plain string order is the UTF-8 byte order whatever the index compares.
 */
public final class Utf8Order {
    private Utf8Order() {
    }

    /** Compares two strings by the UTF-8 byte order of their encodings. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The index form of a string: its UTF-8 bytes, one char each. */
    public static String sortable(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Inverse of {@link #sortable(String)}. */
    public static String fromSortable(String sortable) {
        return new String(sortable.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /**
     * The index form of a directory entry. A directory sorts as {@code name/}, as its keys do in a full listing:
     * so walking a directory in index order yields the keys below it in S3 order.
     */
    public static String entrySortKey(String name, boolean directory) {
        String s = sortable(name);
        return directory ? s + '/' : s;
    }

    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
