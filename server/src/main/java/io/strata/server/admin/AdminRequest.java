package io.strata.server.admin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One admin API call as the router sees it, independent of the HTTP server: tests build these directly.
 *
 * @param method        upper-case HTTP method
 * @param rawPath       the path as sent, still percent-encoded, so that an encoded {@code /} inside an id or a
 *                      file name stays part of its segment
 * @param query         decoded query parameters, each name with its values in order
 * @param body          the request body (empty when none); longer than {@link AdminRouter#MAX_BODY} means "too large"
 * @param authorization the {@code Authorization} header, or null
 */
public record AdminRequest(String method, String rawPath, Map<String, List<String>> query, byte[] body,
                           String authorization) {
    public AdminRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        query = query == null ? Map.of() : Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /** From a request target such as {@code /api/v1/placement?bucket=b&path=a%2Fb.txt}. */
    public static AdminRequest of(String method, String target, byte[] body, String authorization) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? null : target.substring(q + 1);
        return new AdminRequest(method, path, parseQuery(rawQuery), body, authorization);
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public boolean hasBody() {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return true;
            }
        }
        return false;
    }

    /** Parses an encoded query string ({@code +} is a space there, as HTML forms and curl send it). */
    public static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decodeQuery(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadEncodingException("the query string has a malformed %-escape: " + s);
        }
    }

    /** Decodes one path segment; unlike a query, {@code +} in a path is a plus sign. */
    static String decodePath(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadEncodingException("the path has a malformed %-escape: " + s);
        }
    }

    /** A path or query that cannot be decoded: the client's mistake (400), not ours. */
    static final class BadEncodingException extends RuntimeException {
        BadEncodingException(String message) {
            super(message);
        }
    }
}
