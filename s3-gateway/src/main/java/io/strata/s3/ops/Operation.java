package io.strata.s3.ops;

import io.strata.s3.http.S3Request;

/**
 * One S3 operation. {@link #begin} runs once the request is authenticated and routed, on a worker thread (on the
 * event loop when {@link #beginsWithoutBlocking} says so); it returns the target the request body streams into, which
 * answers, on a worker thread, when the body has ended.
 */
public interface Operation {
    BodyTarget begin(S3Request request) throws Exception;

    /**
     * True when {@link #begin} does no I/O for this request (no file opened, no metadata read), so the event loop may
     * run it itself instead of handing it to a worker; the body's end still goes to a worker.
     */
    default boolean beginsWithoutBlocking(S3Request request) {
        return false;
    }
}
