package io.strata.s3.error;

import java.util.Map;

/**
 * An S3 request failed with a protocol error. Carries the error code from {@link S3ErrorCode}, an optional
 * specific message, and extra XML elements some codes carry (for example {@code Key}, {@code BucketName},
 * {@code ServerTime}).
 */
public class S3Exception extends Exception {
    private final S3ErrorCode code;
    private final Map<String, String> details;

    public S3Exception(S3ErrorCode code) {
        this(code, code.defaultMessage(), Map.of());
    }

    public S3Exception(S3ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public S3Exception(S3ErrorCode code, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public S3ErrorCode code() {
        return code;
    }

    /** Extra elements for the XML error body, in no particular order. */
    public Map<String, String> details() {
        return details;
    }
}
