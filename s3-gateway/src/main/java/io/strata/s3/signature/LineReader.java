package io.strata.s3.signature;

import io.netty.buffer.ByteBuf;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;

import java.nio.charset.StandardCharsets;

/**
 * Collects one CRLF-terminated framing line that may arrive split across any number of buffers, refusing to
 * hold more than a fixed number of bytes so a client cannot make the server buffer an endless line.
 */
final class LineReader {
    private final byte[] buffer;
    private int length;

    /** @param capacity the longest line accepted, CRLF included */
    LineReader(int capacity) {
        this.buffer = new byte[capacity];
    }

    /** True if part of a line has been read and not yet returned. */
    boolean hasPartialLine() {
        return length > 0;
    }

    /**
     * Reads from {@code in} up to and including the next LF.
     *
     * @param limit  the longest line accepted now (at most the capacity), CRLF included
     * @param what   names the line in error messages
     * @return the line without its CRLF, or null if {@code in} ran out first
     */
    String take(ByteBuf in, int limit, String what) throws S3Exception {
        int cap = Math.min(limit, buffer.length);
        int start = in.readerIndex();
        int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
        int available = (lf < 0 ? in.writerIndex() : lf + 1) - start;
        if (length + available > cap) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "Malformed aws-chunked body: " + what + " is longer than " + cap + " bytes.");
        }
        in.readBytes(buffer, length, available);
        length += available;
        if (lf < 0) {
            return null;
        }
        if (length < 2 || buffer[length - 2] != '\r') {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "Malformed aws-chunked body: " + what + " does not end with CRLF.");
        }
        String line = new String(buffer, 0, length - 2, StandardCharsets.ISO_8859_1);
        length = 0;
        return line;
    }
}
