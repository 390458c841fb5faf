package io.strata.meta.ns;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NFS extended attributes in the user namespace are the object's S3 user metadata: {@code user.color} over NFS is
 * {@code x-amz-meta-color} over S3, one entry stored once. The two sides differ in what a value may hold (any bytes
 * in an xattr, header-safe text in S3), so a value that is not plain printable ASCII is stored as an RFC 2047
 * encoded word, {@code =?UTF-8?B?<base64>?=}, which is also how S3 returns non-ASCII metadata; bytes that are not
 * UTF-8 are labelled ISO-8859-1, under which every byte sequence is text. Reading an xattr decodes such words back
 * to the exact bytes.
 */
public final class UserXattrs {
    /**
     * Names and values of one inode's attributes together, as stored. ext4 holds a file's extended attributes in
     * one 4 KiB block; the same bound keeps every inode read small and every HEAD answer's headers modest.
     */
    public static final int MAX_TOTAL_BYTES = 4096;

    /** Linux's longest attribute name is 255 bytes with its "user." prefix, which NFS does not carry. */
    public static final int MAX_NAME_BYTES = 255 - "user.".length();

    /** Metadata names with another meaning (the owner and mode: chown and chmod set them), case-insensitive. */
    private static final Set<String> RESERVED = Set.of(PosixMetadata.UID, PosixMetadata.GID, PosixMetadata.MODE);

    private static final String SEPARATORS = "!#$%&'*+-.^_`|~";

    private UserXattrs() {
    }

    /** Why a name cannot be an attribute name here, or null if it can. */
    public static String refusal(String name) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "an attribute name has 1 to " + MAX_NAME_BYTES + " bytes";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c < 0x80 && (Character.isLetterOrDigit(c) || SEPARATORS.indexOf(c) >= 0);
            if (!token) {
                // The name becomes an HTTP header name (x-amz-meta-<name>): only RFC 9110 token characters fit.
                return "attribute names are letters, digits and " + SEPARATORS + " (they are S3 metadata names)";
            }
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return "'" + name + "' is the file's owner or mode over S3: use chown or chmod";
        }
        return null;
    }

    /** The stored (and S3-visible) form of an attribute value. */
    public static String encode(byte[] value) {
        String ascii = new String(value, StandardCharsets.ISO_8859_1);
        if (isPlain(ascii)) {
            return ascii;
        }
        String charset = isUtf8(value) ? "UTF-8" : "ISO-8859-1";
        return "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(value) + "?=";
    }

    /**
     * The bytes an attribute value stands for. Values that S3 clients stored are header text, which arrives as
     * ISO-8859-1 (one char per byte), so those chars give back the client's bytes.
     */
    public static byte[] decode(String stored) {
        byte[] word = encodedWord(stored);
        if (word != null) {
            return word;
        }
        boolean oneBytePerChar = stored.chars().allMatch(c -> c <= 0xff);
        return stored.getBytes(oneBytePerChar ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Stored size of one entry, as counted against {@link #MAX_TOTAL_BYTES}. */
    public static int size(String name, String stored) {
        return name.getBytes(StandardCharsets.UTF_8).length + stored.getBytes(StandardCharsets.UTF_8).length;
    }

    public static int totalSize(Map<String, String> metadata) {
        return metadata.entrySet().stream().mapToInt(e -> size(e.getKey(), e.getValue())).sum();
    }

    /**
     * Printable ASCII without leading or trailing blanks (HTTP would trim them), and not itself shaped like an
     * encoded word, which reading would decode.
     */
    private static boolean isPlain(String s) {
        if (s.isEmpty()) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return s.charAt(0) != ' ' && s.charAt(s.length() - 1) != ' ' && encodedWord(s) == null;
    }

    /** The bytes of {@code =?charset?B?base64?=}, or null if the value is not one. */
    private static byte[] encodedWord(String s) {
        if (!s.startsWith("=?") || !s.endsWith("?=") || s.length() < 8) {
            return null;
        }
        int q = s.indexOf('?', 2);
        if (q < 0 || q + 3 > s.length() - 2 || s.charAt(q + 2) != '?'
                || Character.toUpperCase(s.charAt(q + 1)) != 'B') {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s.substring(q + 3, s.length() - 2));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] value) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
