package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} header.
 * Components may be separated by commas, spaces or both: SDKs and hand-written clients differ on that.
 */
record AuthorizationHeader(CredentialScope credential, List<String> signedHeaders, String signature) {
    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    /** @param afterAlgorithm the header value after {@code "AWS4-HMAC-SHA256"} */
    static AuthorizationHeader parse(String afterAlgorithm) throws S3Exception {
        Map<String, String> components = new HashMap<>();
        for (String token : SEPARATORS.split(afterAlgorithm.trim())) {
            if (token.isEmpty()) {
                continue;
            }
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
