package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads and checks the claim of a request signed in its {@code Authorization} header. */
final class HeaderAuthentication {
    private static final String DATE_REQUIRED = "AWS authentication requires a valid Date or x-amz-date header";

    private HeaderAuthentication() {
    }

    /** @param afterAlgorithm the Authorization value after "AWS4-HMAC-SHA256" */
    static SignatureClaim claim(RequestView request, String afterAlgorithm, QueryParameters query, Instant now)
            throws S3Exception {
        AuthorizationHeader header = AuthorizationHeader.parse(afterAlgorithm);
        List<String> contentSha = request.headerValues("x-amz-content-sha256");
        if (contentSha.isEmpty()) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "Missing required header for this request: x-amz-content-sha256");
        }
        String payloadHash = CanonicalRequest.headerValue(contentSha);
        PayloadMode mode = PayloadMode.of(payloadHash);

        List<String> xAmzDate = request.headerValues("x-amz-date");
        String sentTime;
        Instant requestTime;
        String amzDate;
        if (!xAmzDate.isEmpty()) {
            sentTime = xAmzDate.get(0).trim();
            requestTime = AmzDates.parseBasic(sentTime)
                    .orElseThrow(() -> new S3Exception(S3ErrorCode.ACCESS_DENIED, DATE_REQUIRED));
            amzDate = sentTime; // parseBasic takes only the exact basic form, so this is its formatting already
        } else {
            List<String> date = request.headerValues("date");
            if (date.isEmpty()) {
                throw new S3Exception(S3ErrorCode.MISSING_SECURITY_HEADER, DATE_REQUIRED,
                        Map.of("MissingHeaderName", "x-amz-date"));
            }
            sentTime = date.get(0).trim();
            requestTime = AmzDates.parseHttpDate(sentTime)
                    .orElseThrow(() -> new S3Exception(S3ErrorCode.ACCESS_DENIED, DATE_REQUIRED));
            amzDate = AmzDates.formatBasic(requestTime);
        }

        var inconsistency = header.credential().inconsistencyWith(amzDate);
        if (inconsistency.isPresent()) {
            throw AuthorizationHeader.malformed(inconsistency.get());
        }
        if (!header.signedHeaders().contains("host")) {
            throw AuthorizationHeader.malformed("the SignedHeaders component must include host.");
        }
        if (Duration.between(requestTime, now).abs().compareTo(AmzDates.MAX_SKEW) > 0) {
            throw new S3Exception(S3ErrorCode.REQUEST_TIME_TOO_SKEWED, S3ErrorCode.REQUEST_TIME_TOO_SKEWED.defaultMessage(),
                    Map.of("RequestTime", sentTime,
                            "ServerTime", AmzDates.formatIso(now),
                            "MaxAllowedSkewMilliseconds", Long.toString(AmzDates.MAX_SKEW.toMillis())));
        }
        return new SignatureClaim(header.credential(), header.signedHeaders(), header.signature(), amzDate,
                query.canonical(null), payloadHash, mode);
    }
}
