package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

/**
 * Hashes a body as it streams by and, at its end, holds it to the SHA-256 the client signed in
 * {@code x-amz-content-sha256} ({@link PayloadMode#SIGNED_PAYLOAD}).
 */
public final class PayloadSha256Check {
    private final String expectedHex;
    private final MessageDigest digest = SigV4Crypto.newSha256();

    /** @param expectedHex the declared SHA-256, 64 hex digits of either case */
    public PayloadSha256Check(String expectedHex) {
        if (!Hex.isSha256(expectedHex)) {
            throw new IllegalArgumentException("not a hex SHA-256: " + expectedHex);
        }
        this.expectedHex = expectedHex.toLowerCase(Locale.ROOT);
    }

    /** Hashes the remaining bytes of {@code data} without moving its position. */
    public void update(ByteBuffer data) {
        digest.update(data.duplicate());
    }

    public void update(byte[] data, int offset, int length) {
        digest.update(data, offset, length);
    }

    /** Call once, after the last byte; throws XAmzContentSHA256Mismatch if the body is not what was signed. */
    public void verify() throws S3Exception {
        String actual = Hex.encode(digest.digest());
        if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                expectedHex.getBytes(StandardCharsets.US_ASCII))) {
            throw new S3Exception(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH,
                    S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH.defaultMessage(),
                    Map.of("ClientComputedContentSHA256", expectedHex, "S3ComputedContentSHA256", actual));
        }
    }
}
