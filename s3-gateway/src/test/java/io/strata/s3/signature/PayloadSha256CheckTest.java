package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class PayloadSha256CheckTest {
    /** SHA-256 of "Welcome to Amazon S3.", the body of AWS's PUT Object example. */
    private static final String WELCOME = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";

    @Test
    void matchingBodyInPieces() throws S3Exception {
        PayloadSha256Check check = new PayloadSha256Check(WELCOME.toUpperCase());
        ByteBuffer first = ByteBuffer.wrap("Welcome to ".getBytes(StandardCharsets.US_ASCII));
        check.update(first);
        assertEquals(0, first.position(), "the caller's buffer is left untouched");
        byte[] rest = "Amazon S3.".getBytes(StandardCharsets.US_ASCII);
        check.update(rest, 0, rest.length);
        check.verify();
    }

    @Test
    void differentBodyIsAMismatch() {
        PayloadSha256Check check = new PayloadSha256Check(WELCOME);
        check.update(ByteBuffer.wrap("Welcome to Amazon S3!".getBytes(StandardCharsets.US_ASCII)));
        S3Exception e = assertThrows(S3Exception.class, check::verify);
        assertEquals(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH, e.code());
        assertEquals(WELCOME, e.details().get("ClientComputedContentSHA256"));
    }

    @Test
    void rejectsSomethingThatIsNotAHash() {
        assertThrows(IllegalArgumentException.class, () -> new PayloadSha256Check("UNSIGNED-PAYLOAD"));
    }
}
