package io.strata.s3.signature;

import java.util.Optional;

/** Where the verifier finds the secret key that belongs to an access key id. */
@FunctionalInterface
public interface CredentialLookup {
    Optional<String> secretKeyFor(String accessKeyId);
}
