package io.strata.s3.signature;

import java.util.List;

/**
 * SigV4's canonical request and the string to sign derived from it.
 *
 * @param method         HTTP method as sent
 * @param canonicalUri   the path; for S3 the wire form, not encoded again
 * @param canonicalQuery sorted, SigV4-encoded {@code name=value} pairs joined by '&amp;'
 * @param signedHeaders  lower-case header names in the order the client listed them
 * @param headerBlock    one {@code name:value\n} line per signed header
 * @param payloadHash    x-amz-content-sha256 value, or UNSIGNED-PAYLOAD
 */
record CanonicalRequest(String method, String canonicalUri, String canonicalQuery, List<String> signedHeaders,
                        String headerBlock, String payloadHash) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    static CanonicalRequest of(RequestView request, String canonicalUri, String canonicalQuery,
                               List<String> signedHeaders, String payloadHash) {
        StringBuilder block = new StringBuilder();
        for (String name : signedHeaders) {
            block.append(name).append(':').append(headerValue(request.headerValues(name))).append('\n');
        }
        return new CanonicalRequest(request.method(), canonicalUri, canonicalQuery, List.copyOf(signedHeaders),
                block.toString(), payloadHash);
    }

    String text() {
        return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + headerBlock + '\n'
                + String.join(";", signedHeaders) + '\n' + payloadHash;
    }

    String stringToSign(String amzDate, String scope) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + SigV4Crypto.sha256Hex(text());
    }

    /** Occurrences trimmed, inner whitespace runs collapsed to one space, joined by ','. */
    static String headerValue(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int v = 0; v < values.size(); v++) {
            if (v > 0) {
                out.append(',');
            }
            appendTrimmedCollapsed(out, values.get(v));
        }
        return out.toString();
    }

    private static void appendTrimmedCollapsed(StringBuilder out, String value) {
        boolean pendingSpace = false;
        boolean any = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = any;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
            any = true;
        }
    }

    /** The whitespace set the AWS SDKs collapse, wider than the spec's "spaces" because they all do it. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f';
    }
}
