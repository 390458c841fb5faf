package io.strata.tiering.checksum;

import java.nio.ByteBuffer;

/** A checksum being computed over a stream; {@link #finish()} returns the raw big-endian digest. */
public interface RunningChecksum {
    /** Consumes the buffer's remaining bytes (its position moves to its limit). */
    void update(ByteBuffer data);

    byte[] finish();
}
