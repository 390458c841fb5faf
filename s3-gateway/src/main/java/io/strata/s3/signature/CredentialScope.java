package io.strata.s3.signature;

import java.util.Optional;

/**
 * The {@code Credential} value of SigV4: {@code AKID/yyyymmdd/region/service/aws4_request}.
 * The gateway is region-agnostic, so any non-empty region is taken as the client signed it.
 */
public record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {
    static final String SERVICE = "s3";
    static final String TERMINATOR = "aws4_request";

    /** Splits a credential string; empty if it does not have five non-empty parts. */
    static Optional<CredentialScope> parse(String credential) {
        // Parse from the right so the four fixed parts are found even if an access key were to contain '/'.
        int end = credential.length();
        String[] tail = new String[4];
        for (int i = 3; i >= 0; i--) {
            int slash = credential.lastIndexOf('/', end - 1);
            if (slash < 0) {
                return Optional.empty();
            }
            tail[i] = credential.substring(slash + 1, end);
            end = slash;
        }
        String accessKeyId = credential.substring(0, end);
        if (accessKeyId.isEmpty() || tail[0].isEmpty() || tail[1].isEmpty() || tail[2].isEmpty() || tail[3].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(accessKeyId, tail[0], tail[1], tail[2], tail[3]));
    }

    /** {@code date/region/service/aws4_request}, the scope line of every string to sign. */
    public String scope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }

    /**
     * Why this scope cannot sign a request made at {@code amzDate}, worded as AWS does, or empty if it can.
     *
     * @param amzDate the request time in {@code yyyyMMdd'T'HHmmss'Z'} form
     */
    Optional<String> inconsistencyWith(String amzDate) {
        if (!amzDate.startsWith(date) || date.length() != 8) {
            return Optional.of("Invalid credential date \"" + date + "\". This date is not the same as X-Amz-Date: \""
                    + amzDate.substring(0, Math.min(8, amzDate.length())) + "\".");
        }
        if (!SERVICE.equals(service)) {
            return Optional.of("incorrect service \"" + service + "\". This endpoint belongs to \"" + SERVICE + "\".");
        }
        if (!TERMINATOR.equals(terminator)) {
            return Optional.of("incorrect terminal \"" + terminator + "\". This endpoint uses \"" + TERMINATOR + "\".");
        }
        return Optional.empty();
    }
}
