package io.strata.s3.signature;

import java.util.List;

/**
 * What a request says about its own signature, gathered from either the Authorization header or presigned
 * query parameters, already checked for shape and time but not yet for the signature itself.
 *
 * @param scope          the credential scope the client signed with
 * @param signedHeaders  lower-case names, client order
 * @param signature      the signature the client sent
 * @param amzDate        request time, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param canonicalQuery the canonical query string (without X-Amz-Signature for presigned requests)
 * @param payloadHash    last line of the canonical request
 * @param payloadMode    how the body is protected
 */
record SignatureClaim(CredentialScope scope, List<String> signedHeaders, String signature, String amzDate,
                      String canonicalQuery, String payloadHash, PayloadMode payloadMode) {
}
