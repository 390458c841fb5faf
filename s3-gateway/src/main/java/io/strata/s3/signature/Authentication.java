package io.strata.s3.signature;

/**
 * The outcome of a successful signature check: who signed, and what the body must still prove.
 *
 * @param accessKeyId           the access key that signed the request
 * @param payloadMode           how the body is framed and protected
 * @param declaredPayloadSha256 lower-case hex SHA-256 the body must hash to ({@link PayloadMode#SIGNED_PAYLOAD}), else null
 * @param chunkSigner           chains chunk signatures for the signed streaming modes, else null
 */
public record Authentication(String accessKeyId, PayloadMode payloadMode, String declaredPayloadSha256,
                             ChunkSigner chunkSigner) {
}
