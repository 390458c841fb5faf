package io.strata.s3.ops;

import io.strata.s3.http.S3Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/** Where a request's payload goes, and the answer once it has all arrived. */
public interface BodyTarget {
    /** Payload bytes in order, on the connection's event loop; must not block for long nor keep the buffer. */
    void accept(ByteBuffer payload) throws IOException;

    /** On a worker thread after the last byte: finish the work and answer. Trailers have lower-case names. */
    S3Response finish(Map<String, String> trailers) throws Exception;

    /** The request failed or the connection dropped: undo what {@link #accept} started. Never throws. */
    void abort();
}
