package io.strata.tiering.volume.cloud;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * The body of one ranged GET. Closing it before the range is read drops the connection: the HTTP client would
 * otherwise read the rest of the range just to reuse the connection, which for a large range costs more than a new
 * one. Failures while the body streams in are reported as the volume being unavailable, as for the request (that
 * includes the SDK dropping a body that nobody started to read within 60 seconds).
 */
final class RangeStream extends InputStream {
    private final ResponseInputStream<?> body;
    private final S3Errors errors;
    private final String what;
    private long remaining;

    RangeStream(ResponseInputStream<?> body, long length, S3Errors errors, String what) {
        this.body = body;
        this.remaining = length;
        this.errors = errors;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n;
        try {
            n = body.read(b, off, (int) Math.min(len, remaining));
        } catch (IOException e) {
            throw errors.translate(what, e);
        }
        if (n < 0) {
            throw new EOFException(what + ": the object ends " + remaining + " bytes before the range does");
        }
        remaining -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (remaining > 0) {
            body.abort();
        }
        try {
            body.close();
        } catch (IOException ignored) {
            // An aborted body may fail to close; the connection is gone either way.
        }
    }
}
