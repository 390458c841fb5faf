package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header.
 * Components may be separated by commas, spaces or both: SDKs and hand-written clients differ on that.
 */
record AuthorizationHeader(CredentialScope credential, List<String> signedHeaders, String signature) {

    /** @param afterAlgorithm the header value after {@code "AWS4-HMAC-SHA256"} */
    static AuthorizationHeader parse(String afterAlgorithm) throws S3Exception {
        Map<String, String> components = new HashMap<>();
        for (String token : tokens(afterAlgorithm)) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw malformed("the authorization component \"" + token + "\" is malformed.");
            }
            String key = token.substring(0, eq);
            if (!key.equals("Credential") && !key.equals("SignedHeaders") && !key.equals("Signature")) {
                throw malformed("the authorization component \"" + token + "\" is malformed.");
            }
            if (components.put(key, token.substring(eq + 1)) != null) {
                throw malformed("the authorization component \"" + key + "\" appears more than once.");
            }
        }
        String credential = required(components, "Credential");
        String signedHeaders = required(components, "SignedHeaders");
        String signature = required(components, "Signature");
        CredentialScope scope = CredentialScope.parse(credential).orElseThrow(() -> malformed(
                "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\"."));
        List<String> names = SignedHeaderList.parse(signedHeaders)
                .orElseThrow(() -> malformed("the SignedHeaders component is malformed."));
        return new AuthorizationHeader(scope, names, signature);
    }

    /** The components between commas and whitespace, by hand: a regex split was a seventh of a signature check. */
    private static List<String> tokens(String value) {
        List<String> out = new ArrayList<>(3);
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            boolean separator = i == value.length() || isSeparator(value.charAt(i));
            if (separator && start >= 0) {
                out.add(value.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** A comma or what a regex's \\s matches. */
    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static String required(Map<String, String> components, String key) throws S3Exception {
        String value = components.get(key);
        if (value == null || value.isEmpty()) {
            throw malformed("missing " + key + ".");
        }
        return value;
    }

    static S3Exception malformed(String why) {
        return new S3Exception(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is malformed; " + why);
    }
}
