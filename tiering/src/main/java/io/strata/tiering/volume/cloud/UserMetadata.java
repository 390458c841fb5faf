package io.strata.tiering.volume.cloud;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Blob metadata as {@code x-amz-meta-*} headers. Headers carry ASCII only, so other values are sent as RFC 2047
 * encoded words, the form AWS documents for non-ASCII user metadata and decodes back on its side.
 */
final class UserMetadata {
    private UserMetadata() {
    }

    static Map<String, String> toHeaders(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata == null) {
            return out;
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String v = e.getValue();
            if (out.put(name(e.getKey()), value(v == null ? "" : v)) != null) {
                throw new IllegalArgumentException("metadata names differ only in case: " + metadata.keySet());
            }
        }
        return out;
    }

    /** S3 lower-cases names anyway; doing it here lets two names that differ only in case be refused. */
    private static String name(String key) {
        String n = key.toLowerCase(Locale.ROOT);
        if (n.isEmpty()) {
            throw new IllegalArgumentException("empty metadata name");
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (!ok) {
                throw new IllegalArgumentException("metadata name " + key + " has a character headers cannot carry");
            }
        }
        return n;
    }

    static String value(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8)) + "?=";
            }
        }
        return v;
    }
}
