package io.strata.s3.ops;

import io.strata.s3.http.S3Request;

/**
 * One S3 operation. {@link #begin} runs on a worker thread once the request is authenticated and routed; it
 * returns the target the request body streams into, which answers when the body has ended.
 */
public interface Operation {
    BodyTarget begin(S3Request request) throws Exception;
}
