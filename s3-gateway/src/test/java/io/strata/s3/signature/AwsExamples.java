package io.strata.s3.signature;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The credentials and time shared by every example in the AWS SigV4-for-S3 documentation. */
final class AwsExamples {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final String AMZ_DATE = "20130524T000000Z";
    static final String CREDENTIAL = ACCESS_KEY + "/20130524/us-east-1/s3/aws4_request";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private AwsExamples() {
    }

    static CredentialLookup credentials() {
        return accessKey -> ACCESS_KEY.equals(accessKey) ? Optional.of(SECRET_KEY) : Optional.empty();
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static SigV4Verifier verifierAt(Instant instant) {
        return new SigV4Verifier(credentials(), clockAt(instant));
    }

    static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + signature;
    }

    /** The same text with its last character changed, so a signature differs by exactly one hex digit. */
    static String flipLast(String s) {
        char last = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (last == '0' ? '1' : '0');
    }
}
