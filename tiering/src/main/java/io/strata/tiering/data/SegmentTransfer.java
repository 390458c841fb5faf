package io.strata.tiering.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads opened segments in order, a buffer at a time, for every copy of stored bytes: CopyObject, UploadPartCopy and
 * the mover. Holes read as zeros. The buffer is direct, so file reads and writes copy once each instead of going
 * through the JDK's bounce buffer.
 */
public final class SegmentTransfer {
    private static final int CHUNK = 1 << 20;

    private SegmentTransfer() {
    }

    /** Receives copied bytes; the buffer is reused after the call. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(ByteBuffer chunk) throws IOException, InterruptedException;
    }

    public static void transfer(List<ReadSegment> segments, ChunkSink sink) throws IOException, InterruptedException {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        byte[] streamed = null;
        for (ReadSegment s : segments) {
            if (s instanceof ReadSegment.Stream && streamed == null) {
                streamed = new byte[64 * 1024];
            }
            for (long done = 0; done < s.length(); ) {
                buf.clear();
                buf.limit((int) Math.min(CHUNK, s.length() - done));
                fill(s, buf, done, streamed);
                buf.flip();
                done += buf.remaining();
                sink.accept(buf);
            }
        }
    }

    /** Fills {@code buf} with the segment's bytes from {@code offset}. */
    private static void fill(ReadSegment s, ByteBuffer buf, long offset, byte[] streamed) throws IOException {
        if (s instanceof ReadSegment.FileBytes f) {
            while (buf.hasRemaining()) {
                if (f.channel().read(buf, f.position() + offset + buf.position()) < 0) {
                    throw new IOException("data file shorter than its extent");
                }
            }
        } else if (s instanceof ReadSegment.Stream r) {
            while (buf.hasRemaining()) {
                int n = r.in().read(streamed, 0, Math.min(streamed.length, buf.remaining()));
                if (n < 0) {
                    throw new IOException("cloud copy shorter than its extent");
                }
                buf.put(streamed, 0, n);
            }
        } else if (s instanceof ReadSegment.Bytes b) {
            ByteBuffer src = b.data().duplicate();
            src.position(src.position() + (int) offset);
            src.limit(src.position() + buf.remaining());
            buf.put(src);
        } else {
            Zeros.fill(buf, buf.position(), buf.limit());
            buf.position(buf.limit());
        }
    }
}
