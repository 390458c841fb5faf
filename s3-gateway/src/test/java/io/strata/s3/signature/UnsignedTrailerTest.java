package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import static io.strata.s3.signature.AwsChunkedTrailerTest.chunked;
import static org.junit.jupiter.api.Assertions.*;

/** STREAMING-UNSIGNED-PAYLOAD-TRAILER: plain chunk sizes, trailers without a signature. */
class UnsignedTrailerTest {
    private static final Authentication AUTH =
            new Authentication(AwsExamples.ACCESS_KEY, PayloadMode.STREAMING_UNSIGNED_TRAILER, null, null);
    private static final String[] SIZES = {"10000", "400", "0"};
    private static final String CRC32 = "x-amz-checksum-crc32:i+IFYQ==";

    private static AwsChunkedDecoder decoder(String... declared) {
        return new AwsChunkedDecoder(AUTH, AwsChunkedDecoderTest.LENGTH, Set.of(declared));
    }

    @Test
    void returnsTheTrailers() throws S3Exception {
        AwsChunkedDecoder decoder = decoder("x-amz-checksum-crc32");
        Feeding feeding = new Feeding(decoder).oneByteAtATime(chunked(SIZES, CRC32 + "\r\n\r\n"));
        assertEquals(Map.of("x-amz-checksum-crc32", "i+IFYQ=="), decoder.finish());
        AwsChunkedDecoderTest.assertAllA(feeding.decoded.toByteArray());
    }

    @Test
    void toleratesChunkExtensionsAndMixedCaseNames() throws S3Exception {
        AwsChunkedDecoder decoder = decoder("x-amz-checksum-crc32", "x-amz-checksum-sha1");
        new Feeding(decoder).randomSplits(chunked(new String[]{"10000;ext=1", "0400", "0;x"},
                "X-Amz-Checksum-CRC32: i+IFYQ==\r\nx-amz-checksum-sha1:abc=\r\n\r\n"), 3);
        assertEquals(Map.of("x-amz-checksum-crc32", "i+IFYQ==", "x-amz-checksum-sha1", "abc="), decoder.finish());
    }

    @Test
    void noTrailerDeclaredMeansAnEmptyTrailer() throws S3Exception {
        AwsChunkedDecoder decoder = decoder();
        new Feeding(decoder).whole(chunked(SIZES, "\r\n"));
        assertEquals(Map.of(), decoder.finish());
    }

    @Test
    void declaredTrailerMissing() {
        AwsChunkedDecoder decoder = decoder("x-amz-checksum-crc32", "x-amz-checksum-sha256");
        S3Exception e = assertThrows(S3Exception.class,
                () -> new Feeding(decoder).whole(chunked(SIZES, CRC32 + "\r\n\r\n")));
        assertEquals(S3ErrorCode.INVALID_REQUEST, e.code());
    }

    @Test
    void undeclaredOrRepeatedTrailer() {
        for (String trailer : new String[]{"x-amz-checksum-sha256:abc\r\n\r\n", CRC32 + "\r\n" + CRC32 + "\r\n\r\n",
                "x-amz-trailer-signature:" + "0".repeat(64) + "\r\n\r\n", "no-colon\r\n\r\n"}) {
            S3Exception e = assertThrows(S3Exception.class,
                    () -> new Feeding(decoder("x-amz-checksum-crc32")).whole(chunked(SIZES, trailer)), trailer);
            assertEquals(S3ErrorCode.INVALID_REQUEST, e.code(), trailer);
        }
    }

    @Test
    void truncatedTrailerIsIncomplete() throws S3Exception {
        byte[] body = chunked(SIZES, CRC32 + "\r\n\r\n");
        for (int cut : new int[]{body.length - 1, body.length - 5, body.length - CRC32.length() - 4}) {
            AwsChunkedDecoder decoder = decoder("x-amz-checksum-crc32");
            new Feeding(decoder).whole(Arrays.copyOf(body, cut));
            assertEquals(S3ErrorCode.INCOMPLETE_BODY, assertThrows(S3Exception.class, decoder::finish).code(),
                    "cut at " + cut);
        }
    }

    @Test
    void trailerSectionIsBounded() {
        String huge = "x-amz-meta-big:" + "v".repeat(AwsChunkedDecoder.MAX_TRAILER_SECTION) + "\r\n";
        S3Exception e = assertThrows(S3Exception.class,
                () -> new Feeding(decoder("x-amz-meta-big")).whole(chunked(SIZES, huge + "\r\n")));
        assertEquals(S3ErrorCode.INVALID_REQUEST, e.code());
        StringBuilder many = new StringBuilder();
        String[] names = new String[200];
        for (int i = 0; i < names.length; i++) {
            names[i] = "x-amz-meta-t" + i;
            many.append(names[i]).append(':').append("v".repeat(80)).append("\r\n");
        }
        S3Exception total = assertThrows(S3Exception.class,
                () -> new Feeding(decoder(names)).whole(chunked(SIZES, many + "\r\n")));
        assertEquals(S3ErrorCode.INVALID_REQUEST, total.code());
    }
}
