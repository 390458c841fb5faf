package io.strata.s3.signature;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the request headers an {@link AwsChunkedDecoder} needs, in the form its constructor takes. */
public final class AwsChunkedHeaders {
    private AwsChunkedHeaders() {
    }

    /** {@code x-amz-decoded-content-length}, or -1 if absent. */
    public static long decodedContentLength(RequestView request) throws S3Exception {
        List<String> values = request.headerValues("x-amz-decoded-content-length");
        if (values.isEmpty()) {
            return -1;
        }
        String value = values.get(0).trim();
        try {
            long length = Long.parseLong(value);
            if (values.size() == 1 && length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below, with the other malformed cases
        }
        throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "x-amz-decoded-content-length must be one non-negative "
                + "integer.", Map.of("ArgumentName", "x-amz-decoded-content-length", "ArgumentValue", value));
    }

    /** Lower-case names listed in {@code x-amz-trailer} (comma-separated, possibly over several headers). */
    public static Set<String> declaredTrailers(RequestView request) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : request.headerValues("x-amz-trailer")) {
            for (String name : value.split(",")) {
                String trimmed = name.trim().toLowerCase(Locale.ROOT);
                if (!trimmed.isEmpty()) {
                    names.add(trimmed);
                }
            }
        }
        return Set.copyOf(names);
    }
}
