package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads and checks the claim of a presigned URL (X-Amz-* query parameters). */
final class PresignedAuthentication {
    static final String SIGNATURE = "X-Amz-Signature";
    private static final String ALGORITHM = "X-Amz-Algorithm";
    private static final String CREDENTIAL = "X-Amz-Credential";
    private static final String DATE = "X-Amz-Date";
    private static final String EXPIRES = "X-Amz-Expires";
    private static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
    private static final long MAX_EXPIRES_SECONDS = 604_800;

    private PresignedAuthentication() {
    }

    static SignatureClaim claim(RequestView request, QueryParameters query, Instant now) throws S3Exception {
        String algorithm = single(query, ALGORITHM);
        String credential = single(query, CREDENTIAL);
        String amzDate = single(query, DATE);
        String expires = single(query, EXPIRES);
        String signedHeaders = single(query, SIGNED_HEADERS);
        String signature = single(query, SIGNATURE);

        if (algorithm.startsWith("AWS4-ECDSA-P256-SHA256")) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, "SigV4a (AWS4-ECDSA-P256-SHA256) is not supported.");
        }
        if (!algorithm.equals(CanonicalRequest.ALGORITHM)) {
            throw error("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
        }
        CredentialScope scope = CredentialScope.parse(credential).orElseThrow(() -> error(
                "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; "
                        + "expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."));
        Instant requestTime = AmzDates.parseBasic(amzDate).orElseThrow(() ->
                error("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\""));
        long expiresSeconds = parseExpires(expires);
        var inconsistency = scope.inconsistencyWith(amzDate);
        if (inconsistency.isPresent()) {
            throw error("Error parsing the X-Amz-Credential parameter; " + inconsistency.get());
        }
        List<String> names = SignedHeaderList.parse(signedHeaders)
                .orElseThrow(() -> error("X-Amz-SignedHeaders is malformed."));
        if (!names.contains("host")) {
            throw error("X-Amz-SignedHeaders must include host.");
        }
        checkWindow(requestTime, expiresSeconds, expires, now);

        List<String> contentSha = request.headerValues("x-amz-content-sha256");
        String payloadHash = contentSha.isEmpty() ? PayloadMode.UNSIGNED : CanonicalRequest.headerValue(contentSha);
        return new SignatureClaim(scope, names, signature, amzDate, query.canonical(SIGNATURE), payloadHash,
                PayloadMode.of(payloadHash));
    }

    private static void checkWindow(Instant requestTime, long expiresSeconds, String expires, Instant now)
            throws S3Exception {
        Instant expiry = requestTime.plusSeconds(expiresSeconds);
        if (now.isAfter(expiry)) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED, "Request has expired",
                    Map.of(EXPIRES, expires, "Expires", AmzDates.formatIso(expiry),
                            "ServerTime", AmzDates.formatIso(now)));
        }
        if (requestTime.isAfter(now.plus(AmzDates.MAX_SKEW))) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED, "Request is not valid yet",
                    Map.of(DATE, AmzDates.formatBasic(requestTime), "ServerTime", AmzDates.formatIso(now)));
        }
    }

    private static long parseExpires(String expires) throws S3Exception {
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw error("X-Amz-Expires should be a number");
        }
        if (seconds < 1) {
            throw error("X-Amz-Expires must be between 1 and 604800 seconds");
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw error("X-Amz-Expires must be less than a week (in seconds) that is; 604800");
        }
        return seconds;
    }

    private static String single(QueryParameters query, String name) throws S3Exception {
        List<String> values = query.all(name);
        if (values.isEmpty() || values.get(0).isEmpty()) {
            throw error("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                    + "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");
        }
        if (values.size() > 1) {
            throw error(name + " must appear only once.");
        }
        return values.get(0);
    }

    private static S3Exception error(String message) {
        return new S3Exception(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, message);
    }
}
