package io.strata.s3.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** SigV4's UriEncode(): every byte except A-Z a-z 0-9 - _ . ~ becomes %XX with upper-case hex. */
final class UriEncoding {
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    static boolean isUnreserved(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.' || b == '~';
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte value : bytes) {
            appendByte(out, value & 0xFF);
        }
        return out.toString();
    }

    /**
     * Percent-decodes without treating {@code '+'} as space: SDKs encode space as %20, so a '+' on the wire is a
     * plus sign. A '%' not followed by two hex digits is kept literally rather than rejected, since the client
     * signed whatever it meant by it and re-encoding turns it into %25 exactly as an SDK would have.
     */
    static byte[] decode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && Hex.digit(raw.charAt(i + 1)) >= 0
                    && Hex.digit(raw.charAt(i + 2)) >= 0) {
                out.write(Hex.digit(raw.charAt(i + 1)) * 16 + Hex.digit(raw.charAt(i + 2)));
                i += 2;
            } else {
                i += writeChar(out, raw, i);
            }
        }
        return out.toByteArray();
    }

    /**
     * The path as an SDK would have encoded it: unreserved bytes literal, everything else %XX upper-case, and
     * '/' left alone unless it arrived as %2F (then it stays escaped, because it is part of a key, not a separator).
     * Used only as a second chance when a client sent a path byte-for-byte different from what it signed.
     */
    static String normalizePath(String rawPath) {
        StringBuilder out = new StringBuilder(rawPath.length() + 16);
        ByteArrayOutputStream literal = new ByteArrayOutputStream(4);
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length() && Hex.digit(rawPath.charAt(i + 1)) >= 0
                    && Hex.digit(rawPath.charAt(i + 2)) >= 0) {
                appendByte(out, Hex.digit(rawPath.charAt(i + 1)) * 16 + Hex.digit(rawPath.charAt(i + 2)));
                i += 2;
            } else if (c == '/') {
                out.append('/');
            } else {
                literal.reset();
                i += writeChar(literal, rawPath, i);
                for (byte b : literal.toByteArray()) {
                    appendByte(out, b & 0xFF);
                }
            }
        }
        return out.toString();
    }

    private static void appendByte(StringBuilder out, int b) {
        if (isUnreserved(b)) {
            out.append((char) b);
        } else {
            out.append('%').append(UPPER[b >> 4]).append(UPPER[b & 0xF]);
        }
    }

    /**
     * A character up to U+00FF is one request-line byte; anything above came from a decoded string and is
     * written as UTF-8. Returns how many extra chars (a low surrogate) were consumed.
     */
    private static int writeChar(ByteArrayOutputStream out, String s, int index) {
        char c = s.charAt(index);
        if (c <= 0xFF) {
            out.write(c);
            return 0;
        }
        int codePoint = s.codePointAt(index);
        out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        return Character.charCount(codePoint) - 1;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
