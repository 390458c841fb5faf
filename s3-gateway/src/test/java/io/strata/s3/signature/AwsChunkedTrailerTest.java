package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

import static io.strata.s3.signature.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The example of "Signature calculations for trailing headers (chunked uploads)": the same 66560 bytes of 'a'
 * as the chunked example, sent as STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER with an x-amz-checksum-crc32c
 * trailer. Every value below (seed, chunk and trailer signatures, checksum) is the published one.
 */
class AwsChunkedTrailerTest {
    static final String SEED = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";
    static final String[] CHUNK_SIGNATURES = {
            "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
            "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
            "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992"};
    static final String CHECKSUM = "sOO8/Q==";
    static final String TRAILER_SIGNATURE = "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435";
    static final Set<String> DECLARED = Set.of("x-amz-checksum-crc32c");

    private Authentication auth;

    @BeforeEach
    void verifyRequest() throws S3Exception {
        FakeRequest request = new FakeRequest("PUT", "/examplebucket/chunkObject.txt", "")
                .header("Host", "s3.amazonaws.com")
                .header("x-amz-date", AMZ_DATE)
                .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .header("Authorization", authorization("content-encoding;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer", SEED))
                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", "66560")
                .header("x-amz-trailer", "x-amz-checksum-crc32c");
        auth = verifierAt(TIME).verify(request);
        assertEquals(PayloadMode.STREAMING_SIGNED_TRAILER, auth.payloadMode());
    }

    /** Chunks as in the chunked example, then {@code afterFinal} right after the final chunk's header line. */
    static byte[] body(String[] signatures, String afterFinal) {
        String[] headers = {"10000;chunk-signature=" + signatures[0], "400;chunk-signature=" + signatures[1],
                "0;chunk-signature=" + signatures[2]};
        return chunked(headers, afterFinal);
    }

    static byte[] chunked(String[] headers, String afterFinal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = new byte[65_536];
        Arrays.fill(a, (byte) 'a');
        out.writeBytes((headers[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(a);
        out.writeBytes(("\r\n" + headers[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(a, 0, 1024);
        out.writeBytes(("\r\n" + headers[2] + "\r\n" + afterFinal).getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String signedTrailer(String checksum, String signature) {
        return "x-amz-checksum-crc32c:" + checksum + "\r\nx-amz-trailer-signature:" + signature + "\r\n";
    }

    private Map<String, String> decode(byte[] body) throws S3Exception {
        AwsChunkedDecoder decoder = new AwsChunkedDecoder(auth, AwsChunkedDecoderTest.LENGTH, DECLARED);
        Feeding feeding = new Feeding(decoder).randomSplits(body, body.length);
        Map<String, String> trailers = decoder.finish();
        AwsChunkedDecoderTest.assertAllA(feeding.decoded.toByteArray());
        return trailers;
    }

    @Test
    void publishedChecksumIsTheCrc32cOfTheData() {
        byte[] a = new byte[AwsChunkedDecoderTest.LENGTH];
        Arrays.fill(a, (byte) 'a');
        CRC32C crc = new CRC32C();
        crc.update(a);
        byte[] value = ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
        assertEquals(CHECKSUM, Base64.getEncoder().encodeToString(value));
    }

    @Test
    void trailerSignatureCoversNameColonValueLf() throws S3Exception {
        byte[] body = body(CHUNK_SIGNATURES, signedTrailer(CHECKSUM, TRAILER_SIGNATURE) + "\r\n");
        assertEquals(Map.of("x-amz-checksum-crc32c", CHECKSUM), decode(body));
        AwsChunkedDecoder bytewise = new AwsChunkedDecoder(auth, AwsChunkedDecoderTest.LENGTH, DECLARED);
        new Feeding(bytewise).oneByteAtATime(body);
        assertEquals(Map.of("x-amz-checksum-crc32c", CHECKSUM), bytewise.finish());
    }

    @Test
    void framingVariantsOfTheAwsExampleAreAccepted() throws S3Exception {
        // The documentation's listing puts an empty line before the trailer and none after it.
        String trailer = signedTrailer(CHECKSUM, TRAILER_SIGNATURE);
        assertEquals(CHECKSUM, decode(body(CHUNK_SIGNATURES, "\r\n" + trailer + "\r\n")).get("x-amz-checksum-crc32c"));
        assertEquals(CHECKSUM, decode(body(CHUNK_SIGNATURES, "\r\n" + trailer)).get("x-amz-checksum-crc32c"));
        assertEquals(CHECKSUM, decode(body(CHUNK_SIGNATURES, trailer)).get("x-amz-checksum-crc32c"));
    }

    @Test
    void alteredTrailerIsRefused() {
        for (String trailer : new String[]{signedTrailer(CHECKSUM, flipLast(TRAILER_SIGNATURE)),
                signedTrailer("sOO8/Q=A", TRAILER_SIGNATURE)}) {
            S3Exception e = assertThrows(S3Exception.class, () -> decode(body(CHUNK_SIGNATURES, trailer + "\r\n")));
            assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
        }
        String[] signatures = CHUNK_SIGNATURES.clone();
        signatures[2] = flipLast(signatures[2]);
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, assertThrows(S3Exception.class,
                () -> decode(body(signatures, signedTrailer(CHECKSUM, TRAILER_SIGNATURE) + "\r\n"))).code());
    }

    @Test
    void signedTrailerNeedsItsSignature() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> decode(body(CHUNK_SIGNATURES, "x-amz-checksum-crc32c:" + CHECKSUM + "\r\n\r\n")));
        assertEquals(S3ErrorCode.INVALID_REQUEST, e.code());
        S3Exception truncated = assertThrows(S3Exception.class,
                () -> decode(body(CHUNK_SIGNATURES, "x-amz-checksum-crc32c:" + CHECKSUM + "\r\n")));
        assertEquals(S3ErrorCode.INCOMPLETE_BODY, truncated.code());
    }
}
