package io.strata.s3.ops;

import io.strata.s3.http.S3Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Where a request's payload goes, and the answer once it has all arrived. */
public interface BodyTarget {
    /** Payload bytes in order, on the connection's event loop; must not block for long nor keep the buffer. */
    void accept(ByteBuffer payload) throws IOException;

    /** On a worker thread after the last byte: finish the work and answer. Trailers have lower-case names. */
    S3Response finish(Map<String, String> trailers) throws Exception;

    /**
     * True when finishing needs no I/O before the transaction that ends it, and that transaction can be submitted
     * without waiting ({@link #finishLater}): the event loop then finishes the request itself, and no worker is
     * parked until the commit.
     */
    default boolean finishesWithoutBlocking() {
        return false;
    }

    /**
     * As {@link #finish}, answering through the stage, which may complete in the thread that commits the change;
     * only for a target that {@linkplain #finishesWithoutBlocking finishes without blocking}.
     */
    default CompletionStage<S3Response> finishLater(Map<String, String> trailers) {
        try {
            return CompletableFuture.completedFuture(finish(trailers));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The request failed or the connection dropped: undo what {@link #accept} started. Never throws. */
    void abort();
}
