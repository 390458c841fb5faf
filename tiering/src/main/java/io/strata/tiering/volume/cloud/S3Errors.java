package io.strata.tiering.volume.cloud;

import io.strata.tiering.volume.VolumeUnavailableException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Turns SDK failures into the exceptions callers act on: a missing object is {@link NoSuchFileException}; anything
 * that may pass (endpoint down, timeouts, 5xx, throttling) or that an admin must fix (refused credentials, missing
 * bucket) is {@link VolumeUnavailableException}, so a client is told to retry instead of being told the data is
 * gone; what is left (a bad digest, a malformed request) is a plain {@link IOException}.
 */
final class S3Errors {
    private final String volumeId;
    private final String bucket;
    private final String endpoint;
    private final String accessKey;

    S3Errors(String volumeId, String bucket, String endpoint, String accessKey) {
        this.volumeId = volumeId;
        this.bucket = bucket;
        this.endpoint = endpoint == null ? "the default AWS endpoint" : endpoint;
        this.accessKey = accessKey;
    }

    /** {@code what} names the operation and key, e.g. "GET prefix/a/b". */
    IOException translate(String what, String key, SdkException e) {
        if (e instanceof SdkServiceException s) {
            return fromStatus(what, key, s.statusCode(), errorCode(s), e);
        }
        if (e instanceof SdkClientException) {
            return unavailable(what + ": cannot reach " + endpoint + " (" + rootMessage(e) + ")", e);
        }
        return unavailable(what + ": " + rootMessage(e), e);
    }

    /** An I/O failure while a response body streams in (socket timeout, connection reset). */
    IOException translate(String what, IOException e) {
        if (e instanceof VolumeUnavailableException || e instanceof EOFException) {
            return e;
        }
        return unavailable(what + ": connection to " + endpoint + " failed while reading (" + rootMessage(e) + ")",
                e);
    }

    private IOException fromStatus(String what, String key, int status, String code, SdkException e) {
        String http = "HTTP " + status + (code == null ? "" : " " + code);
        if (status == 404 && "NoSuchBucket".equals(code)) {
            return unavailable(what + ": bucket " + bucket + " does not exist at " + endpoint, e);
        }
        if (status == 404) {
            NoSuchFileException missing = new NoSuchFileException(volumeId + ":" + key, null, what + ": " + http);
            missing.initCause(e);
            return missing;
        }
        if (status == 401 || status == 403) {
            return unavailable(what + ": " + endpoint + " refused the credentials (access key " + accessKey
                    + ") for bucket " + bucket + ": " + http, e);
        }
        if (status == 416) {
            EOFException eof = new EOFException(what + ": range starts past the end of the object (" + http + ")");
            eof.initCause(e);
            return eof;
        }
        if (status >= 500 || status == 429 || status == 408 || status == 0) {
            return unavailable(what + ": " + endpoint + " answered " + http, e);
        }
        if ("BadDigest".equals(code) || "InvalidDigest".equals(code)) {
            return new IOException(what + ": the endpoint received bytes whose MD5 differs from what was sent ("
                    + http + ")", e);
        }
        return new IOException(what + ": " + endpoint + " answered " + http + ": " + e.getMessage(), e);
    }

    private VolumeUnavailableException unavailable(String message, Throwable cause) {
        return new VolumeUnavailableException(volumeId, message, cause);
    }

    private static String errorCode(SdkServiceException s) {
        if (s instanceof AwsServiceException a && a.awsErrorDetails() != null) {
            return a.awsErrorDetails().errorCode();
        }
        return null;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
