package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Checks AWS Signature Version 4 on a request, from its Authorization header or its presigned query. */
public final class SigV4Verifier {
    private static final String SIGV4_PREFIX = CanonicalRequest.ALGORITHM + " ";
    private static final String SIGV4A_PREFIX = "AWS4-ECDSA-P256-SHA256";
    private static final String SIGV2_PREFIX = "AWS ";
    private static final String ONLY_SIGV4 =
            "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.";

    private final CredentialLookup credentials;
    private final Clock clock;

    public SigV4Verifier(CredentialLookup credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies SigV4 from the Authorization header or from presigned query parameters (X-Amz-Algorithm etc.). */
    public Authentication verify(RequestView request) throws S3Exception {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        List<String> authorization = request.headerValues("authorization");
        boolean presigned = query.contains("X-Amz-Algorithm") || query.contains("X-Amz-Credential")
                || query.contains(PresignedAuthentication.SIGNATURE);
        if (!authorization.isEmpty() && presigned) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Only one auth mechanism allowed; only the "
                    + "X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization "
                    + "header should be specified", Map.of("ArgumentName", "Authorization"));
        }
        SignatureClaim claim;
        if (authorization.size() > 1) {
            throw AuthorizationHeader.malformed("more than one Authorization header.");
        } else if (authorization.size() == 1) {
            claim = headerClaim(request, authorization.get(0).trim(), query);
        } else if (presigned) {
            claim = PresignedAuthentication.claim(request, query, clock.instant());
        } else if (query.contains("AWSAccessKeyId") && query.contains("Signature")) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, ONLY_SIGV4);
        } else {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED,
                    "Anonymous access is not supported; sign requests with AWS Signature Version 4.");
        }
        return check(request, claim);
    }

    private SignatureClaim headerClaim(RequestView request, String value, QueryParameters query) throws S3Exception {
        if (value.startsWith(SIGV4_PREFIX)) {
            return HeaderAuthentication.claim(request, value.substring(SIGV4_PREFIX.length()), query, clock.instant());
        }
        if (value.startsWith(SIGV2_PREFIX)) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, ONLY_SIGV4);
        }
        if (value.startsWith(SIGV4A_PREFIX)) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, "SigV4a (AWS4-ECDSA-P256-SHA256) is not supported.");
        }
        throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Unsupported Authorization Type",
                Map.of("ArgumentName", "Authorization",
                        "ArgumentValue", value.length() > 64 ? value.substring(0, 64) : value));
    }

    private Authentication check(RequestView request, SignatureClaim claim) throws S3Exception {
        String accessKeyId = claim.scope().accessKeyId();
        String secretKey = credentials.secretKeyFor(accessKeyId).orElseThrow(() -> new S3Exception(
                S3ErrorCode.INVALID_ACCESS_KEY_ID, S3ErrorCode.INVALID_ACCESS_KEY_ID.defaultMessage(),
                Map.of("AWSAccessKeyId", accessKeyId)));
        byte[] signingKey = SigV4Crypto.signingKey(secretKey, claim.scope());
        String scope = claim.scope().scope();

        String rawPath = request.rawPath().isEmpty() ? "/" : request.rawPath();
        CanonicalRequest canonical = canonical(request, claim, rawPath);
        String stringToSign = canonical.stringToSign(claim.amzDate(), scope);
        String expected = SigV4Crypto.signHex(signingKey, stringToSign);
        if (!SigV4Crypto.sameSignature(expected, claim.signature())) {
            // A client may sign the SDK encoding of its path yet send it differently escaped (or the reverse);
            // both denote the same key, so one second attempt with the normalized form is safe.
            String normalized = UriEncoding.normalizePath(rawPath);
            String retry = normalized.equals(rawPath) ? null : SigV4Crypto.signHex(signingKey,
                    canonical(request, claim, normalized).stringToSign(claim.amzDate(), scope));
            if (retry == null || !SigV4Crypto.sameSignature(retry, claim.signature())) {
                throw mismatch(accessKeyId, claim.signature(), stringToSign, canonical.text());
            }
            expected = retry;
        }
        PayloadMode mode = claim.payloadMode();
        return new Authentication(accessKeyId, mode,
                mode == PayloadMode.SIGNED_PAYLOAD ? claim.payloadHash().toLowerCase(Locale.ROOT) : null,
                mode.hasChunkSignatures() ? new ChunkSigner(signingKey, scope, claim.amzDate(), expected) : null);
    }

    private static CanonicalRequest canonical(RequestView request, SignatureClaim claim, String uri) {
        return CanonicalRequest.of(request, uri, claim.canonicalQuery(), claim.signedHeaders(), claim.payloadHash());
    }

    private static S3Exception mismatch(String accessKeyId, String provided, String stringToSign, String canonical) {
        return new S3Exception(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                S3ErrorCode.SIGNATURE_DOES_NOT_MATCH.defaultMessage(),
                Map.of("AWSAccessKeyId", accessKeyId,
                        "SignatureProvided", provided,
                        "StringToSign", stringToSign,
                        "CanonicalRequest", canonical));
    }
}
