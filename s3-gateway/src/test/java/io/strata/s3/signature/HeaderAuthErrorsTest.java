package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.strata.s3.signature.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.*;

/** How the verifier refuses header-signed requests that cannot be checked, starting from AWS's GET example. */
class HeaderAuthErrorsTest {
    private static final String SIGNED = "host;range;x-amz-content-sha256;x-amz-date";
    private static final String SIGNATURE = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";

    private static FakeRequest request() {
        return new FakeRequest("GET", "/test.txt", "")
                .header("Host", "examplebucket.s3.amazonaws.com")
                .header("Authorization", authorization(SIGNED, SIGNATURE))
                .header("Range", "bytes=0-9")
                .header("x-amz-content-sha256", EMPTY_SHA256)
                .header("x-amz-date", AMZ_DATE);
    }

    private static S3Exception refused(FakeRequest request, S3ErrorCode expected) {
        S3Exception e = assertThrows(S3Exception.class, () -> verifierAt(TIME).verify(request));
        assertEquals(expected, e.code(), e.getMessage());
        return e;
    }

    @Test
    void anonymousRequestsAreDenied() {
        refused(new FakeRequest("GET", "/test.txt", "").header("Host", "h"), S3ErrorCode.ACCESS_DENIED);
    }

    @Test
    void signatureVersion2IsRefusedWithAMessageNamingSigV4() {
        S3Exception e = refused(request().replaceHeader("Authorization", "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg="),
                S3ErrorCode.INVALID_REQUEST);
        assertTrue(e.getMessage().contains("AWS4-HMAC-SHA256"));
    }

    @Test
    void sigV4aIsNotImplemented() {
        refused(request().replaceHeader("Authorization", "AWS4-ECDSA-P256-SHA256 Credential=x"),
                S3ErrorCode.NOT_IMPLEMENTED);
    }

    @Test
    void unknownAccessKey() {
        S3Exception e = refused(request().replaceHeader("Authorization", "AWS4-HMAC-SHA256 Credential="
                + "AKIDUNKNOWN/20130524/us-east-1/s3/aws4_request,SignedHeaders=" + SIGNED + ",Signature=" + SIGNATURE),
                S3ErrorCode.INVALID_ACCESS_KEY_ID);
        assertEquals("AKIDUNKNOWN", e.details().get("AWSAccessKeyId"));
    }

    @Test
    void clockSkewBeyondFifteenMinutes() throws S3Exception {
        assertEquals(ACCESS_KEY, verifierAt(TIME.plus(Duration.ofMinutes(15))).verify(request()).accessKeyId());
        assertEquals(ACCESS_KEY, verifierAt(TIME.minus(Duration.ofMinutes(15))).verify(request()).accessKeyId());
        for (Duration offset : new Duration[]{Duration.ofMinutes(16), Duration.ofMinutes(-16)}) {
            S3Exception e = assertThrows(S3Exception.class, () -> verifierAt(TIME.plus(offset)).verify(request()));
            assertEquals(S3ErrorCode.REQUEST_TIME_TOO_SKEWED, e.code());
            assertEquals(AMZ_DATE, e.details().get("RequestTime"));
            assertEquals(AwsExamples.TIME.plus(offset).toString(), e.details().get("ServerTime"));
        }
    }

    @Test
    void credentialScopeMustBeConsistent() {
        for (String scope : new String[]{"20130525/us-east-1/s3/aws4_request", "20130524/us-east-1/ec2/aws4_request",
                "20130524/us-east-1/s3/aws5_request", "20130524/us-east-1/s3", "2013052/us-east-1/s3/aws4_request"}) {
            refused(request().replaceHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + scope
                    + ",SignedHeaders=" + SIGNED + ",Signature=" + SIGNATURE), S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
        }
    }

    @Test
    void anyRegionIsAccepted() {
        // A different region changes the signing key, so the AWS signature no longer matches: the refusal is
        // about the signature, not the region.
        refused(request().replaceHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
                + "/20130524/eu-west-3/s3/aws4_request,SignedHeaders=" + SIGNED + ",Signature=" + SIGNATURE),
                S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void malformedAuthorizationHeaders() {
        for (String value : new String[]{
                "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=" + SIGNED,
                "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",Signature=" + SIGNATURE,
                "AWS4-HMAC-SHA256 SignedHeaders=" + SIGNED + ",Signature=" + SIGNATURE,
                "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=host;;range,Signature=" + SIGNATURE,
                "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=" + SIGNED + ",Signature=" + SIGNATURE
                        + ",Signature=" + SIGNATURE,
                "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ",SignedHeaders=" + SIGNED + ",Bogus,Signature=" + SIGNATURE}) {
            refused(request().replaceHeader("Authorization", value), S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
        }
    }

    @Test
    void hostMustBeSigned() {
        refused(request().replaceHeader("Authorization", authorization("range;x-amz-content-sha256;x-amz-date",
                SIGNATURE)), S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
    }

    @Test
    void requiredHeaders() {
        refused(request().withoutHeader("x-amz-content-sha256"), S3ErrorCode.INVALID_REQUEST);
        refused(request().withoutHeader("x-amz-date"), S3ErrorCode.MISSING_SECURITY_HEADER);
        refused(request().replaceHeader("x-amz-date", "yesterday"), S3ErrorCode.ACCESS_DENIED);
    }

    @Test
    void contentSha256Values() {
        refused(request().replaceHeader("x-amz-content-sha256", "not-a-hash"), S3ErrorCode.INVALID_ARGUMENT);
        refused(request().replaceHeader("x-amz-content-sha256", EMPTY_SHA256.substring(1)), S3ErrorCode.INVALID_ARGUMENT);
        refused(request().replaceHeader("x-amz-content-sha256", "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD"),
                S3ErrorCode.NOT_IMPLEMENTED);
        // Accepted values get as far as the signature check.
        for (String value : new String[]{"UNSIGNED-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"}) {
            refused(request().replaceHeader("x-amz-content-sha256", value), S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        }
    }
}
