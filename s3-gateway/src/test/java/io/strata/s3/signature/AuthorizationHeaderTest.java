package io.strata.s3.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeaderTest {
    private static final String CREDENTIAL = "Credential=AKIDEXAMPLE/20130524/us-east-1/s3/aws4_request";

    /** SDKs write ", ", hand-written clients "," or spaces alone; a stray separator at either end is harmless. */
    @ParameterizedTest
    @ValueSource(strings = {",", ", ", " ", " ,\t", "\r\n "})
    void componentsSplitOnCommasAndWhitespaceAlike(String separator) throws S3Exception {
        AuthorizationHeader h = AuthorizationHeader.parse(" " + CREDENTIAL + separator + "SignedHeaders=host;x-amz-date"
                + separator + "Signature=abc123" + separator);
        assertEquals("AKIDEXAMPLE", h.credential().accessKeyId());
        assertEquals("20130524", h.credential().date());
        assertEquals(List.of("host", "x-amz-date"), h.signedHeaders());
        assertEquals("abc123", h.signature());
    }

    @ParameterizedTest
    @ValueSource(strings = {CREDENTIAL + ", SignedHeaders=host", CREDENTIAL + ", SignedHeaders=host, Signature=a, x",
            CREDENTIAL + ", SignedHeaders=host, Signature=a, Signature=b", CREDENTIAL + ", SignedHeaders=host, Other=1",
            "Credential=AKID/20130524/us-east-1, SignedHeaders=host, Signature=a", ""})
    void anythingElseIsAMalformedHeader(String value) {
        S3Exception e = assertThrows(S3Exception.class, () -> AuthorizationHeader.parse(value));
        assertEquals(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, e.code());
    }
}
