package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

import static io.strata.s3.signature.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The four examples of "Signature Calculations for the Authorization Header: Transferring Payload in a Single
 * Chunk" in the Amazon S3 API reference, with their published signatures.
 */
class AwsHeaderExamplesTest {
    private final SigV4Verifier verifier = verifierAt(TIME);

    private static FakeRequest getObject(String signature) {
        return new FakeRequest("GET", "/test.txt", "")
                .header("Host", "examplebucket.s3.amazonaws.com")
                .header("Authorization", authorization("host;range;x-amz-content-sha256;x-amz-date", signature))
                .header("Range", "bytes=0-9")
                .header("x-amz-content-sha256", EMPTY_SHA256)
                .header("x-amz-date", AMZ_DATE);
    }

    private static FakeRequest putObject(String rawPath, String signature) {
        return new FakeRequest("PUT", rawPath, "")
                .header("Host", "examplebucket.s3.amazonaws.com")
                .header("Date", "Fri, 24 May 2013 00:00:00 GMT")
                .header("Authorization", authorization(
                        "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class", signature))
                .header("x-amz-date", AMZ_DATE)
                .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .header("x-amz-content-sha256", "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    }

    private static FakeRequest bucketGet(String rawQuery, String signature) {
        return new FakeRequest("GET", "/", rawQuery)
                .header("Host", "examplebucket.s3.amazonaws.com")
                .header("Authorization", authorization("host;x-amz-content-sha256;x-amz-date", signature))
                .header("x-amz-date", AMZ_DATE)
                .header("x-amz-content-sha256", EMPTY_SHA256);
    }

    private static final String GET_OBJECT = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    private static final String PUT_OBJECT = "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd";
    private static final String LIFECYCLE = "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543";
    private static final String LIST_OBJECTS = "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7";

    @Test
    void getObjectWithRange() throws S3Exception {
        Authentication auth = verifier.verify(getObject(GET_OBJECT));
        assertEquals(ACCESS_KEY, auth.accessKeyId());
        assertEquals(PayloadMode.SIGNED_PAYLOAD, auth.payloadMode());
        assertEquals(EMPTY_SHA256, auth.declaredPayloadSha256());
        assertNull(auth.chunkSigner());
    }

    @Test
    void getObjectFailsWhenAnySignedPartChanges() {
        assertMismatch(getObject(flipLast(GET_OBJECT)));
        assertMismatch(getObject(GET_OBJECT).replaceHeader("Range", "bytes=0-8"));
        assertMismatch(getObject(GET_OBJECT).replaceHeader("Host", "examplebucket.s3.amazonaws.co"));
    }

    @Test
    void putObjectCanonicalUriIsThePathAsSent() throws S3Exception {
        Authentication auth = verifier.verify(putObject("/test%24file.text", PUT_OBJECT));
        assertEquals("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072", auth.declaredPayloadSha256());
        assertMismatch(putObject("/test%24file.text", flipLast(PUT_OBJECT)));
        assertMismatch(putObject("/test%24file.texT", PUT_OBJECT));
    }

    @Test
    void putObjectAlsoAcceptsTheUnescapedFormOfTheSignedPath() throws S3Exception {
        // The AWS example prints the request line as "test$file.text" and signs "/test%24file.text".
        assertEquals(ACCESS_KEY, verifier.verify(putObject("/test$file.text", PUT_OBJECT)).accessKeyId());
    }

    @Test
    void getBucketLifecycleSignsAnEmptyValueWithEquals() throws S3Exception {
        assertEquals(ACCESS_KEY, verifier.verify(bucketGet("lifecycle", LIFECYCLE)).accessKeyId());
        assertMismatch(bucketGet("lifecycle", flipLast(LIFECYCLE)));
        assertMismatch(bucketGet("lifecycles", LIFECYCLE));
    }

    @Test
    void listObjectsSortsQueryParameters() throws S3Exception {
        assertEquals(ACCESS_KEY, verifier.verify(bucketGet("max-keys=2&prefix=J", LIST_OBJECTS)).accessKeyId());
        assertEquals(ACCESS_KEY, verifier.verify(bucketGet("prefix=J&max-keys=2", LIST_OBJECTS)).accessKeyId());
        assertMismatch(bucketGet("max-keys=2&prefix=J", flipLast(LIST_OBJECTS)));
        assertMismatch(bucketGet("max-keys=3&prefix=J", LIST_OBJECTS));
    }

    @Test
    void authorizationHeaderVariantsWithSpacesAreAccepted() throws S3Exception {
        FakeRequest spaced = getObject(GET_OBJECT).replaceHeader("Authorization", "AWS4-HMAC-SHA256 Credential="
                + CREDENTIAL + ", SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=" + GET_OBJECT);
        assertEquals(ACCESS_KEY, verifier.verify(spaced).accessKeyId());
    }

    @Test
    void mismatchCarriesTheCanonicalRequestAndStringToSign() {
        S3Exception e = assertMismatch(getObject(flipLast(GET_OBJECT)));
        assertEquals("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                + "x-amz-content-sha256:" + EMPTY_SHA256 + "\nx-amz-date:" + AMZ_DATE + "\n\n"
                + "host;range;x-amz-content-sha256;x-amz-date\n" + EMPTY_SHA256, e.details().get("CanonicalRequest"));
        // The canonical request's hash as printed in the AWS example.
        assertEquals("AWS4-HMAC-SHA256\n" + AMZ_DATE + "\n20130524/us-east-1/s3/aws4_request\n"
                        + "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
                e.details().get("StringToSign"));
        assertEquals(ACCESS_KEY, e.details().get("AWSAccessKeyId"));
    }

    private S3Exception assertMismatch(FakeRequest request) {
        S3Exception e = assertThrows(S3Exception.class, () -> verifier.verify(request));
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code(), e.getMessage());
        return e;
    }
}
