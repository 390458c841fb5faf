package io.strata.tiering.data;

import java.nio.channels.FileChannel;

/** A piece of a read: bytes of a local file, or a hole that reads as zeros. */
public sealed interface ReadSegment {
    long length();

    /** {@code length} bytes of {@code channel} from {@code position}; the consumer closes the channel. */
    record FileBytes(FileChannel channel, long position, long length) implements ReadSegment {
    }

    record Zeros(long length) implements ReadSegment {
    }

    /**
     * Bytes of a blob on a volume that is not local (a cloud bucket), as a stream already opened, so that an
     * unreachable volume fails the request before any byte of the answer is sent. {@code onClose} ends the read's
     * lease on the blob.
     */
    record Stream(java.io.InputStream in, long length, Runnable onClose) implements ReadSegment {
    }

    /** Bytes already in memory (small objects kept inline in the namespace). */
    record Bytes(java.nio.ByteBuffer data) implements ReadSegment {
        @Override
        public long length() {
            return data.remaining();
        }
    }
}
