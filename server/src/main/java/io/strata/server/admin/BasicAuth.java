package io.strata.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/** HTTP Basic credentials of the root user (the same key pair S3 clients use). */
final class BasicAuth {
    static final String CHALLENGE = "Basic realm=\"strata\"";

    private final byte[] expected;

    BasicAuth(String user, String password) {
        if (user == null || user.isEmpty() || password == null) {
            throw new IllegalArgumentException("the admin API needs the root user and password");
        }
        this.expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        String h = authorization.trim();
        if (h.length() < 6 || !h.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(h.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        // constant-time, so response times do not reveal how much of the password matched
        return MessageDigest.isEqual(given, expected);
    }
}
