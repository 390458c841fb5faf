package io.strata.s3.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.strata.s3.signature.Authentication;
import java.util.Map;

/**
 * One authenticated S3 request as the operations see it.
 *
 * @param bucket  null for service-level requests (ListBuckets)
 * @param key     the decoded object key, or null for bucket-level requests
 * @param query   decoded query parameters (first value of each name); subresources map to ""
 */
public record S3Request(String requestId, String method, String bucket, String key, Map<String, String> query,
                        HttpHeaders headers, Authentication auth) {

    public String header(String name) {
        return headers.get(name);
    }

    public boolean has(String queryName) {
        return query.containsKey(queryName);
    }

    public String param(String queryName) {
        return query.get(queryName);
    }
}
