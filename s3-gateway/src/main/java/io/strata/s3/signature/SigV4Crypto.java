package io.strata.s3.signature;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The hash and MAC primitives of SigV4, wrapped so callers need not handle checked JCA exceptions. */
final class SigV4Crypto {
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String HMAC = "HmacSHA256";

    private SigV4Crypto() {
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /** For one-shot hashes of canonical requests: {@code digest()} leaves the instance reset for the next. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(SigV4Crypto::newSha256);

    static String sha256Hex(String utf8) {
        return Hex.encode(SHA256.get().digest(utf8.getBytes(StandardCharsets.UTF_8)));
    }

    /** One Mac per thread: {@code Mac.getInstance} searches the providers on every call, a fifth of a verification. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(HMAC);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide HmacSHA256", e);
        }
    });

    /** Signing keys by secret and scope: a client signs every request of a day with the same one. */
    private static final Map<SigningKeyId, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();
    private static final int MAX_SIGNING_KEYS = 1024;

    private record SigningKeyId(String secretKey, String date, String region, String service, String terminator) {
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime must provide HmacSHA256", e);
        }
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    static byte[] signingKey(String secretKey, CredentialScope scope) {
        SigningKeyId id = new SigningKeyId(secretKey, scope.date(), scope.region(), scope.service(), scope.terminator());
        byte[] cached = SIGNING_KEYS.get(id);
        if (cached != null) {
            return cached.clone();
        }
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope.date());
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        key = hmac(key, scope.terminator());
        if (SIGNING_KEYS.size() >= MAX_SIGNING_KEYS) {
            // Scopes are chosen by clients, so the cache must not grow without bound; yesterday's keys go too.
            SIGNING_KEYS.clear();
        }
        SIGNING_KEYS.put(id, key.clone());
        return key;
    }

    static String signHex(byte[] signingKey, String stringToSign) {
        return Hex.encode(hmac(signingKey, stringToSign));
    }

    /**
     * Compares a computed signature with the one the client sent without leaking, through timing, how many
     * leading characters matched. Upper-case hex from the client is accepted, as the value is the same.
     */
    static boolean sameSignature(String expectedLowerHex, String provided) {
        byte[] a = expectedLowerHex.getBytes(StandardCharsets.US_ASCII);
        byte[] b = (provided == null ? "" : provided.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(a, b);
    }
}
