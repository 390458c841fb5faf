package io.strata.tiering.volume;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** A range of a blob as a stream, over any {@link BlobReader}; closes the reader when closed. */
final class BlobReaderStream extends InputStream {
    private final BlobReader reader;
    private long position;
    private long remaining;

    BlobReaderStream(BlobReader reader, long offset, long length) {
        this.reader = reader;
        this.position = offset;
        this.remaining = length;
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
        int n = reader.read(ByteBuffer.wrap(b, off, (int) Math.min(len, remaining)), position);
        if (n < 0) {
            throw new EOFException("blob ends " + remaining + " bytes before the range does");
        }
        position += n;
        remaining -= n;
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
