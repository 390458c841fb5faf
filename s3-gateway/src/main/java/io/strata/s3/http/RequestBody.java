package io.strata.s3.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.signature.Authentication;
import io.strata.s3.signature.AwsChunkedDecoder;
import io.strata.s3.signature.PayloadMode;
import io.strata.s3.signature.PayloadSha256Check;
import io.strata.s3.signature.PayloadSink;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the bytes of a request body into payload: strips aws-chunked framing (checking chunk signatures), or
 * hashes a plain body against its signed SHA-256, and at the end returns the trailing headers.
 */
final class RequestBody {
    private final AwsChunkedDecoder chunked;
    private final PayloadSha256Check sha256;
    private long payloadBytes;

    RequestBody(Authentication auth, HttpHeaders headers) throws S3Exception {
        PayloadMode mode = auth.payloadMode();
        if (mode.isStreaming()) {
            String decoded = headers.get("x-amz-decoded-content-length");
            long length = -1;
            if (decoded != null) {
                try {
                    length = Long.parseLong(decoded.trim());
                } catch (NumberFormatException e) {
                    throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "x-amz-decoded-content-length is not a number.");
                }
            } else if (mode == PayloadMode.STREAMING_SIGNED) {
                throw new S3Exception(S3ErrorCode.MISSING_CONTENT_LENGTH,
                        "aws-chunked uploads must send x-amz-decoded-content-length.");
            }
            String declared = headers.get("x-amz-trailer", "");
            Set<String> trailers = Arrays.stream(declared.split(","))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            chunked = new AwsChunkedDecoder(auth, length, trailers);
            sha256 = null;
        } else {
            chunked = null;
            sha256 = mode == PayloadMode.SIGNED_PAYLOAD ? new PayloadSha256Check(auth.declaredPayloadSha256()) : null;
        }
    }

    void feed(ByteBuf content, PayloadSink sink) throws S3Exception, IOException {
        if (chunked != null) {
            chunked.feed(content, data -> {
                payloadBytes += data.remaining();
                sink.accept(data);
            });
            return;
        }
        if (!content.isReadable()) {
            return;
        }
        for (java.nio.ByteBuffer b : content.nioBuffers()) {
            payloadBytes += b.remaining();
            if (sha256 != null) {
                sha256.update(b.duplicate());
            }
            sink.accept(b);
        }
        content.skipBytes(content.readableBytes());
    }

    /** Trailing headers (lower-case names), empty when the body had none. */
    Map<String, String> finish() throws S3Exception {
        if (chunked != null) {
            return chunked.finish();
        }
        if (sha256 != null) {
            sha256.verify();
        }
        return Map.of();
    }

    long payloadBytes() {
        return payloadBytes;
    }
}
