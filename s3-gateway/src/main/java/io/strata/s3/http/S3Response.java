package io.strata.s3.http;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.strata.tiering.store.OpenObject;

/**
 * What an operation answers: status, headers, and a body that is either bytes (XML) or an open object whose
 * segments are sent straight from their files.
 */
public final class S3Response {
    private final int status;
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private final byte[] body;
    private final OpenObject object;
    private final long objectLength;

    private S3Response(int status, byte[] body, OpenObject object, long objectLength) {
        this.status = status;
        this.body = body;
        this.object = object;
        this.objectLength = objectLength;
    }

    public static S3Response empty(int status) {
        return new S3Response(status, new byte[0], null, 0);
    }

    public static S3Response xml(int status, byte[] xml) {
        S3Response r = new S3Response(status, xml, null, 0);
        r.header("Content-Type", "application/xml");
        return r;
    }

    /** Streams the object's open segments; {@code sendBody} false for HEAD (length still announced). */
    public static S3Response object(int status, OpenObject object, long length, boolean sendBody) {
        return new S3Response(status, null, sendBody ? object : null, length);
    }

    public S3Response header(String name, Object value) {
        if (value != null) {
            headers.set(name, value);
        }
        return this;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** Body bytes, or null when the body is an object (or a HEAD of one). */
    public byte[] body() {
        return body;
    }

    public OpenObject object() {
        return object;
    }

    public long contentLength() {
        return body != null ? body.length : objectLength;
    }
}
