package io.strata.s3.signature;

import java.util.Arrays;

/**
 * The signing context a chunked upload inherits from its request: each chunk's signature chains from the one
 * before, starting at the request's own (seed) signature, under the same key, date and scope.
 */
public final class ChunkSigner {
    private static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
    private static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";

    private final byte[] signingKey;
    private final String scope;
    private final String amzDate;
    private final String seedSignature;

    /**
     * @param signingKey    the derived kSigning key (not the secret key)
     * @param scope         {@code date/region/s3/aws4_request}
     * @param amzDate       request time, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param seedSignature the request signature, lower-case hex
     */
    public ChunkSigner(byte[] signingKey, String scope, String amzDate, String seedSignature) {
        this.signingKey = signingKey.clone();
        this.scope = scope;
        this.amzDate = amzDate;
        this.seedSignature = seedSignature;
    }

    public String scope() {
        return scope;
    }

    public String amzDate() {
        return amzDate;
    }

    public String seedSignature() {
        return seedSignature;
    }

    /** Signature of one chunk whose data hashes to {@code chunkSha256}, chained after {@code previousSignature}. */
    public String chunkSignature(String previousSignature, byte[] chunkSha256) {
        return SigV4Crypto.signHex(signingKey, CHUNK_ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + previousSignature + '\n' + SigV4Crypto.EMPTY_SHA256 + '\n' + Hex.encode(chunkSha256));
    }

    /**
     * Signature of the trailer, chained after the final (zero-length) chunk's signature.
     *
     * @param canonicalTrailerSha256 SHA-256 of the trailers as {@code name:value\n} lines (LF, not the wire's CRLF)
     */
    public String trailerSignature(String previousSignature, byte[] canonicalTrailerSha256) {
        return SigV4Crypto.signHex(signingKey, TRAILER_ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + previousSignature + '\n' + Hex.encode(canonicalTrailerSha256));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkSigner other && Arrays.equals(signingKey, other.signingKey)
                && scope.equals(other.scope) && amzDate.equals(other.amzDate)
                && seedSignature.equals(other.seedSignature);
    }

    @Override
    public int hashCode() {
        return seedSignature.hashCode();
    }

    /** Leaves the key out so it cannot end up in logs. */
    @Override
    public String toString() {
        return "ChunkSigner[scope=" + scope + ", amzDate=" + amzDate + ", seedSignature=" + seedSignature + "]";
    }
}
