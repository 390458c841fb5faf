package io.strata.s3.ops;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/** An operation whose (small) body is read whole before it runs: XML documents, or no body at all. */
public abstract class BufferedOperation implements Operation {
    /** Bodies larger than this are refused: S3's request documents stay well below it. */
    protected static final int MAX_BODY = 2 * 1024 * 1024;

    protected abstract S3Response handle(S3Request request, byte[] body) throws Exception;

    @Override
    public BodyTarget begin(S3Request request) {
        return new BodyTarget() {
            private final ByteArrayOutputStream body = new ByteArrayOutputStream();

            @Override
            public void accept(ByteBuffer payload) throws IOException {
                if (body.size() + payload.remaining() > MAX_BODY) {
                    throw new IOException(new S3Exception(S3ErrorCode.MAX_MESSAGE_LENGTH_EXCEEDED));
                }
                byte[] chunk = new byte[payload.remaining()];
                payload.get(chunk);
                body.write(chunk);
            }

            @Override
            public S3Response finish(Map<String, String> trailers) throws Exception {
                return handle(request, body.toByteArray());
            }

            @Override
            public void abort() {
            }
        };
    }

    /** An operation that takes no body (any body sent is read and ignored). */
    public static Operation of(Handler handler) {
        return new BufferedOperation() {
            @Override
            protected S3Response handle(S3Request request, byte[] body) throws Exception {
                return handler.handle(request);
            }
        };
    }

    /** The handler of a body-less operation. */
    @FunctionalInterface
    public interface Handler {
        S3Response handle(S3Request request) throws Exception;
    }
}
