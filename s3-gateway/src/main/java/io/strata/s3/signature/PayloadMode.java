package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.util.Map;

/** How the request body is protected, as announced by {@code x-amz-content-sha256}. */
public enum PayloadMode {
    /** Body is not covered by the signature. */
    UNSIGNED_PAYLOAD,
    /** x-amz-content-sha256 is a hex SHA-256 to verify at end of body. */
    SIGNED_PAYLOAD,
    /** aws-chunked body, every chunk signed, no trailer. */
    STREAMING_SIGNED,
    /** aws-chunked body without chunk signatures, trailer without signature. */
    STREAMING_UNSIGNED_TRAILER,
    /** aws-chunked body, every chunk and the trailer signed. */
    STREAMING_SIGNED_TRAILER;

    static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    static final String STREAMING_SIGNED_VALUE = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String STREAMING_UNSIGNED_TRAILER_VALUE = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    static final String STREAMING_SIGNED_TRAILER_VALUE = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    private static final String ECDSA_PREFIX = "STREAMING-AWS4-ECDSA-P256-SHA256-";

    private static final Map<String, PayloadMode> LITERALS = Map.of(
            UNSIGNED, UNSIGNED_PAYLOAD,
            STREAMING_SIGNED_VALUE, STREAMING_SIGNED,
            STREAMING_UNSIGNED_TRAILER_VALUE, STREAMING_UNSIGNED_TRAILER,
            STREAMING_SIGNED_TRAILER_VALUE, STREAMING_SIGNED_TRAILER);

    /** True for the modes whose body is aws-chunked framing. */
    public boolean isStreaming() {
        return this == STREAMING_SIGNED || this == STREAMING_UNSIGNED_TRAILER || this == STREAMING_SIGNED_TRAILER;
    }

    /** True for the modes where each chunk carries a chunk-signature. */
    public boolean hasChunkSignatures() {
        return this == STREAMING_SIGNED || this == STREAMING_SIGNED_TRAILER;
    }

    /** True for the modes that end with trailing headers. */
    public boolean hasTrailer() {
        return this == STREAMING_UNSIGNED_TRAILER || this == STREAMING_SIGNED_TRAILER;
    }

    /** Classifies an {@code x-amz-content-sha256} value. */
    public static PayloadMode of(String contentSha256) throws S3Exception {
        PayloadMode literal = LITERALS.get(contentSha256);
        if (literal != null) {
            return literal;
        }
        if (Hex.isSha256(contentSha256)) {
            return SIGNED_PAYLOAD;
        }
        if (contentSha256.startsWith(ECDSA_PREFIX)) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                    "SigV4a (ECDSA) streaming signatures are not supported: " + contentSha256,
                    Map.of("Header", "x-amz-content-sha256"));
        }
        throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT,
                "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, "
                        + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER "
                        + "or a valid sha256 value.",
                Map.of("ArgumentName", "x-amz-content-sha256",
                        "ArgumentValue", contentSha256.length() > 128 ? contentSha256.substring(0, 128) : contentSha256));
    }
}
