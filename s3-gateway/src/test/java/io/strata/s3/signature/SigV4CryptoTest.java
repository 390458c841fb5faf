package io.strata.s3.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class SigV4CryptoTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /** AWS's published example of deriving a SigV4 signing key (secret above, 20120215/us-east-1/iam). */
    private static final String AWS_EXAMPLE_KEY = "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d";

    private static CredentialScope scope(String date) {
        return new CredentialScope("AKIDEXAMPLE", date, "us-east-1", "iam", "aws4_request");
    }

    @Test
    void derivesAwsExampleKeyAgainFromTheCacheAndACallerCannotSpoilIt() {
        byte[] first = SigV4Crypto.signingKey(SECRET, scope("20120215"));
        assertEquals(AWS_EXAMPLE_KEY, Hex.encode(first));
        first[0] ^= 1;
        assertEquals(AWS_EXAMPLE_KEY, Hex.encode(SigV4Crypto.signingKey(SECRET, scope("20120215"))));
    }

    @Test
    void anotherDayOrSecretGetsAnotherKey() {
        String example = Hex.encode(SigV4Crypto.signingKey(SECRET, scope("20120215")));
        assertNotEquals(example, Hex.encode(SigV4Crypto.signingKey(SECRET, scope("20120216"))));
        assertNotEquals(example, Hex.encode(SigV4Crypto.signingKey(SECRET + "x", scope("20120215"))));
    }

    @Test
    void keepsGivingRightKeysPastTheCacheBound() {
        for (int day = 0; day < 1500; day++) {
            SigV4Crypto.signingKey(SECRET + day, scope("20120215"));
        }
        assertEquals(AWS_EXAMPLE_KEY, Hex.encode(SigV4Crypto.signingKey(SECRET, scope("20120215"))));
    }
}
