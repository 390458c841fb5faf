package io.strata.s3.http;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which bucket and key a request addresses, from its Host header (virtual-hosted style) or its path (path style),
 * and its decoded query parameters. Keys are percent-decoded to bytes and must be valid UTF-8.
 */
public record RequestTarget(String bucket, String key, Map<String, String> query) {
    /** The longest key S3 accepts, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    public static RequestTarget parse(String uri, String host, List<String> domains) throws S3Exception {
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        Map<String, String> query = parseQuery(q < 0 ? "" : uri.substring(q + 1));
        String path = decode(rawPath);
        if (!path.startsWith("/")) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The request path must start with '/'.");
        }
        String bucketFromHost = bucketFromHost(host, domains);
        String bucket;
        String key;
        if (bucketFromHost != null) {
            bucket = bucketFromHost;
            key = path.length() > 1 ? path.substring(1) : null;
        } else {
            String rest = path.substring(1);
            int slash = rest.indexOf('/');
            bucket = rest.isEmpty() ? null : slash < 0 ? rest : rest.substring(0, slash);
            key = slash < 0 || slash == rest.length() - 1 ? null : rest.substring(slash + 1);
        }
        if (key != null && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new S3Exception(S3ErrorCode.KEY_TOO_LONG, "Your key is too long.", Map.of("Size",
                    String.valueOf(key.getBytes(StandardCharsets.UTF_8).length), "MaxSizeAllowed", "1024"));
        }
        return new RequestTarget(bucket, key, query);
    }

    private static String bucketFromHost(String host, List<String> domains) {
        if (host == null) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon > 0 && h.indexOf(']') < colon) {
            h = h.substring(0, colon);
        }
        for (String domain : domains) {
            String suffix = "." + domain.toLowerCase(Locale.ROOT);
            if (h.endsWith(suffix) && h.length() > suffix.length()) {
                return h.substring(0, h.length() - suffix.length());
            }
        }
        return null;
    }

    static Map<String, String> parseQuery(String raw) throws S3Exception {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    /** Percent-decodes to bytes, then decodes strict UTF-8; '+' stays '+' (S3 clients encode spaces as %20). */
    static String decode(String s) throws S3Exception {
        if (s.indexOf('%') < 0 && isAscii(s)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Bad percent-encoding in the request URI.");
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '%') {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Bad percent-encoding in the request URI.");
            } else {
                // Netty hands the request line over as ISO-8859-1: one char per byte.
                bytes.write(c & 0xFF);
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new S3Exception(S3ErrorCode.INVALID_OBJECT_NAME, "The key or a parameter is not valid UTF-8.");
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
