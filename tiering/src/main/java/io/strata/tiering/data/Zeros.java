package io.strata.tiering.data;

import java.nio.ByteBuffer;

/** Holes read as zeros: writes them into a buffer that may hold other bytes (a reused or pooled one). */
public final class Zeros {
    private static final byte[] ZEROS = new byte[64 * 1024];

    private Zeros() {
    }

    /** Zeroes {@code [from, to)} of {@code buffer} (absolute indexes; its position and limit stay). */
    public static void fill(ByteBuffer buffer, int from, int to) {
        for (int at = from; at < to; at += ZEROS.length) {
            buffer.put(at, ZEROS, 0, Math.min(ZEROS.length, to - at));
        }
    }
}
