package io.strata.s3.signature;

import java.util.Optional;

/**
 * Where the verifier finds the secret key that belongs to an access key id. It answers from memory: requests are
 * authenticated on the S3 event loop, which must never wait for I/O.
 */
@FunctionalInterface
public interface CredentialLookup {
    Optional<String> secretKeyFor(String accessKeyId);
}
