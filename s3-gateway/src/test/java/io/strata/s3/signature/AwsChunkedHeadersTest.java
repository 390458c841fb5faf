package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class AwsChunkedHeadersTest {
    @Test
    void decodedContentLength() throws S3Exception {
        assertEquals(66_560, AwsChunkedHeaders.decodedContentLength(
                new FakeRequest("PUT", "/", "").header("X-Amz-Decoded-Content-Length", " 66560 ")));
        assertEquals(-1, AwsChunkedHeaders.decodedContentLength(new FakeRequest("PUT", "/", "")));
        for (String bad : new String[]{"-1", "ten", ""}) {
            S3Exception e = assertThrows(S3Exception.class, () -> AwsChunkedHeaders.decodedContentLength(
                    new FakeRequest("PUT", "/", "").header("x-amz-decoded-content-length", bad)));
            assertEquals(S3ErrorCode.INVALID_ARGUMENT, e.code());
        }
    }

    @Test
    void declaredTrailersAreLowerCasedAndSplitOnCommas() {
        FakeRequest request = new FakeRequest("PUT", "/", "")
                .header("x-amz-trailer", "X-Amz-Checksum-CRC32, x-amz-checksum-sha256")
                .header("x-amz-trailer", "x-amz-meta-a");
        assertEquals(Set.of("x-amz-checksum-crc32", "x-amz-checksum-sha256", "x-amz-meta-a"),
                AwsChunkedHeaders.declaredTrailers(request));
        assertEquals(Set.of(), AwsChunkedHeaders.declaredTrailers(new FakeRequest("PUT", "/", "")));
    }
}
