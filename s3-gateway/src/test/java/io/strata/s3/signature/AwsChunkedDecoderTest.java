package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import static io.strata.s3.signature.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The example of "Signature Calculations for the Authorization Header: Transferring Payload in Multiple Chunks":
 * 66560 bytes of 'a' in a 64 KiB chunk, a 1 KiB chunk and the final zero-length chunk.
 */
class AwsChunkedDecoderTest {
    static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    static final String[] CHUNK_SIGNATURES = {
            "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"};
    static final int LENGTH = 66_560;

    private Authentication auth;

    /** The seed signature is checked by the verifier, which hands over the chunk signing context. */
    @BeforeEach
    void verifyRequest() throws S3Exception {
        FakeRequest request = new FakeRequest("PUT", "/examplebucket/chunkObject.txt", "")
                .header("Host", "s3.amazonaws.com")
                .header("x-amz-date", AMZ_DATE)
                .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .header("Authorization", authorization("content-encoding;content-length;host;x-amz-content-sha256;"
                        + "x-amz-date;x-amz-decoded-content-length;x-amz-storage-class", SEED))
                .header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", "66560")
                .header("Content-Length", "66824");
        auth = verifierAt(TIME).verify(request);
        assertEquals(PayloadMode.STREAMING_SIGNED, auth.payloadMode());
        assertEquals(SEED, auth.chunkSigner().seedSignature());
    }

    static byte[] body(String... signatures) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a = new byte[65_536];
        Arrays.fill(a, (byte) 'a');
        out.writeBytes(("10000;chunk-signature=" + signatures[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(a);
        out.writeBytes(("\r\n400;chunk-signature=" + signatures[1] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(a, 0, 1024);
        out.writeBytes(("\r\n0;chunk-signature=" + signatures[2] + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static void assertAllA(byte[] decoded) {
        assertEquals(LENGTH, decoded.length);
        for (byte b : decoded) {
            assertEquals('a', b);
        }
    }

    private AwsChunkedDecoder decoder() {
        return new AwsChunkedDecoder(auth, LENGTH, Set.of());
    }

    @Test
    void bodyHasThePublishedLength() {
        assertEquals(66_824, body(CHUNK_SIGNATURES).length);
    }

    @Test
    void decodesOneByteAtATime() throws S3Exception {
        AwsChunkedDecoder decoder = decoder();
        Feeding feeding = new Feeding(decoder).oneByteAtATime(body(CHUNK_SIGNATURES));
        assertEquals(java.util.Map.of(), decoder.finish());
        assertAllA(feeding.decoded.toByteArray());
    }

    @Test
    void decodesRandomSplits() throws S3Exception {
        for (long seed = 1; seed <= 20; seed++) {
            AwsChunkedDecoder decoder = decoder();
            Feeding feeding = new Feeding(decoder).randomSplits(body(CHUNK_SIGNATURES), seed);
            decoder.finish();
            assertAllA(feeding.decoded.toByteArray());
        }
    }

    @Test
    void unknownDecodedLengthIsAccepted() throws S3Exception {
        AwsChunkedDecoder decoder = new AwsChunkedDecoder(auth, -1, Set.of());
        new Feeding(decoder).whole(body(CHUNK_SIGNATURES));
        decoder.finish();
    }

    @Test
    void anyCorruptChunkSignatureIsRefused() {
        for (int i = 0; i < 3; i++) {
            String[] signatures = CHUNK_SIGNATURES.clone();
            signatures[i] = flipLast(signatures[i]);
            S3Exception e = assertThrows(S3Exception.class, () -> new Feeding(decoder()).whole(body(signatures)));
            assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
        }
    }

    @Test
    void corruptDataIsRefused() {
        byte[] body = body(CHUNK_SIGNATURES);
        body[40_000] = 'b';
        S3Exception e = assertThrows(S3Exception.class, () -> new Feeding(decoder()).randomSplits(body, 7));
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
    }

    @Test
    void truncatedBodyIsIncomplete() throws S3Exception {
        byte[] body = body(CHUNK_SIGNATURES);
        for (int cut : new int[]{0, 10, 88, 50_000, 65_626, 66_700, body.length - 3, body.length - 1}) {
            AwsChunkedDecoder decoder = decoder();
            new Feeding(decoder).whole(Arrays.copyOf(body, cut));
            S3Exception e = assertThrows(S3Exception.class, decoder::finish, "cut at " + cut);
            assertEquals(S3ErrorCode.INCOMPLETE_BODY, e.code(), "cut at " + cut);
        }
    }

    @Test
    void decodedLengthMustMatch() throws S3Exception {
        AwsChunkedDecoder longer = new AwsChunkedDecoder(auth, LENGTH + 1, Set.of());
        new Feeding(longer).whole(body(CHUNK_SIGNATURES));
        assertEquals(S3ErrorCode.INCOMPLETE_BODY, assertThrows(S3Exception.class, longer::finish).code());
        AwsChunkedDecoder shorter = new AwsChunkedDecoder(auth, LENGTH - 1, Set.of());
        assertEquals(S3ErrorCode.INCOMPLETE_BODY, assertThrows(S3Exception.class,
                () -> new Feeding(shorter).whole(body(CHUNK_SIGNATURES))).code());
    }

    @Test
    void dataAfterTheEndIsRefused() {
        byte[] body = Arrays.copyOf(body(CHUNK_SIGNATURES), 66_825);
        body[66_824] = 'x';
        assertEquals(S3ErrorCode.INVALID_REQUEST,
                assertThrows(S3Exception.class, () -> new Feeding(decoder()).whole(body)).code());
    }

    @Test
    void malformedFramingIsRefused() {
        String sig = ";chunk-signature=" + CHUNK_SIGNATURES[0];
        for (String framing : new String[]{
                "zz" + sig + "\r\n",
                "10000000000000000" + sig + "\r\n",
                "10000\r\n",
                "10000" + sig + "\n",
                "10000" + sig + ";pad=" + "x".repeat(AwsChunkedDecoder.MAX_HEADER_LINE) + "\r\n"}) {
            S3Exception e = assertThrows(S3Exception.class, () -> new Feeding(decoder())
                    .oneByteAtATime(framing.getBytes(StandardCharsets.US_ASCII)), framing);
            assertEquals(S3ErrorCode.INVALID_REQUEST, e.code(), framing);
        }
    }

    @Test
    void chunkDataMustBeFollowedByCrlf() {
        byte[] body = body(CHUNK_SIGNATURES);
        int afterFirstChunk = 88 + 65_536;
        body[afterFirstChunk] = 'a';
        S3Exception e = assertThrows(S3Exception.class, () -> new Feeding(decoder()).whole(body));
        assertEquals(S3ErrorCode.INVALID_REQUEST, e.code());
    }

    @Test
    void trailerLinesAreRefusedWithoutATrailerMode() {
        byte[] body = body(CHUNK_SIGNATURES);
        String tail = "x-amz-checksum-crc32c:sOO8/Q==\r\n\r\n";
        byte[] withTrailer = Arrays.copyOf(body, body.length - 2 + tail.length());
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, withTrailer, body.length - 2, tail.length());
        S3Exception e = assertThrows(S3Exception.class, () -> new Feeding(decoder()).whole(withTrailer));
        assertEquals(S3ErrorCode.INVALID_REQUEST, e.code());
    }

    @Test
    void missingClosingCrlfIsToleratedOnceTheFinalChunkIsVerified() throws S3Exception {
        byte[] body = body(CHUNK_SIGNATURES);
        AwsChunkedDecoder decoder = decoder();
        new Feeding(decoder).whole(Arrays.copyOf(body, body.length - 2));
        assertEquals(java.util.Map.of(), decoder.finish());
    }
}
