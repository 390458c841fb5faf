package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.strata.s3.signature.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.*;

/** The example of "Authenticating Requests: Using Query Parameters" in the Amazon S3 API reference. */
class PresignedUrlTest {
    private static final String SIGNATURE = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    private static final String AUTH_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host";

    private static FakeRequest presigned(String expires, String signature) {
        return new FakeRequest("GET", "/test.txt", AUTH_QUERY + "&X-Amz-Expires=" + expires
                + "&X-Amz-Signature=" + signature)
                .header("Host", "examplebucket.s3.amazonaws.com");
    }

    @Test
    void validInsideTheWindow() throws S3Exception {
        for (Instant now : new Instant[]{TIME, TIME.plus(Duration.ofHours(12)), TIME.plusSeconds(86_400),
                TIME.minus(Duration.ofMinutes(14))}) {
            Authentication auth = verifierAt(now).verify(presigned("86400", SIGNATURE));
            assertEquals(ACCESS_KEY, auth.accessKeyId());
            assertEquals(PayloadMode.UNSIGNED_PAYLOAD, auth.payloadMode());
            assertNull(auth.declaredPayloadSha256());
        }
    }

    @Test
    void oneCharacterChangedFails() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> verifierAt(TIME).verify(presigned("86400", flipLast(SIGNATURE))));
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
        FakeRequest otherKey = new FakeRequest("GET", "/test.txu", AUTH_QUERY + "&X-Amz-Expires=86400"
                + "&X-Amz-Signature=" + SIGNATURE).header("Host", "examplebucket.s3.amazonaws.com");
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                assertThrows(S3Exception.class, () -> verifierAt(TIME).verify(otherKey)).code());
    }

    @Test
    void expiredAfterTheWindow() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> verifierAt(TIME.plusSeconds(86_401)).verify(presigned("86400", SIGNATURE)));
        assertEquals(S3ErrorCode.ACCESS_DENIED, e.code());
        assertEquals("Request has expired", e.getMessage());
        assertEquals("86400", e.details().get("X-Amz-Expires"));
        assertEquals("2013-05-25T00:00:00Z", e.details().get("Expires"));
        assertEquals("2013-05-25T00:00:01Z", e.details().get("ServerTime"));
    }

    @Test
    void notValidYetWhenDatedInTheFuture() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> verifierAt(TIME.minus(Duration.ofMinutes(16))).verify(presigned("86400", SIGNATURE)));
        assertEquals(S3ErrorCode.ACCESS_DENIED, e.code());
        assertEquals("Request is not valid yet", e.getMessage());
    }

    @Test
    void expiresMustBeBetweenOneSecondAndOneWeek() {
        for (String expires : new String[]{"0", "604801", "-5", "soon", ""}) {
            S3Exception e = assertThrows(S3Exception.class,
                    () -> verifierAt(TIME).verify(presigned(expires, SIGNATURE)), expires);
            assertEquals(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, e.code(), expires);
        }
        // In range but not what was signed: the bound check passes and the signature fails.
        S3Exception week = assertThrows(S3Exception.class, () -> verifierAt(TIME).verify(presigned("604800", SIGNATURE)));
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, week.code());
    }

    @Test
    void missingOrRepeatedParametersAreRejected() {
        FakeRequest missing = new FakeRequest("GET", "/test.txt", AUTH_QUERY + "&X-Amz-Signature=" + SIGNATURE)
                .header("Host", "examplebucket.s3.amazonaws.com");
        assertEquals(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                assertThrows(S3Exception.class, () -> verifierAt(TIME).verify(missing)).code());
        FakeRequest twice = new FakeRequest("GET", "/test.txt", AUTH_QUERY + "&X-Amz-Expires=86400&X-Amz-Expires=1"
                + "&X-Amz-Signature=" + SIGNATURE).header("Host", "examplebucket.s3.amazonaws.com");
        assertEquals(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR,
                assertThrows(S3Exception.class, () -> verifierAt(TIME).verify(twice)).code());
    }

    @Test
    void credentialScopeMustMatchTheDate() {
        FakeRequest request = new FakeRequest("GET", "/test.txt", AUTH_QUERY.replace("20130524T", "20130525T")
                + "&X-Amz-Expires=86400&X-Amz-Signature=" + SIGNATURE)
                .header("Host", "examplebucket.s3.amazonaws.com");
        S3Exception e = assertThrows(S3Exception.class,
                () -> verifierAt(TIME.plus(Duration.ofDays(1))).verify(request));
        assertEquals(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, e.code());
    }

    @Test
    void unsupportedAlgorithms() {
        FakeRequest v4a = new FakeRequest("GET", "/test.txt", AUTH_QUERY.replace("AWS4-HMAC-SHA256",
                "AWS4-ECDSA-P256-SHA256") + "&X-Amz-Expires=86400&X-Amz-Signature=" + SIGNATURE)
                .header("Host", "examplebucket.s3.amazonaws.com");
        assertEquals(S3ErrorCode.NOT_IMPLEMENTED, assertThrows(S3Exception.class,
                () -> verifierAt(TIME).verify(v4a)).code());
        FakeRequest v2 = new FakeRequest("GET", "/test.txt",
                "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1369440000&Signature=abc%3D")
                .header("Host", "examplebucket.s3.amazonaws.com");
        S3Exception e = assertThrows(S3Exception.class, () -> verifierAt(TIME).verify(v2));
        assertEquals(S3ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("AWS4-HMAC-SHA256"), e.getMessage());
    }

    @Test
    void headerAndQueryTogetherAreRejected() {
        FakeRequest both = presigned("86400", SIGNATURE).header("Authorization", authorization("host", SIGNATURE));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT,
                assertThrows(S3Exception.class, () -> verifierAt(TIME).verify(both)).code());
    }
}
