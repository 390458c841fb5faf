package io.strata.nfs.v4.attr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable XDR encoder for the body of an fattr4 (attrlist4), whose length must be known before it is sent. */
final class AttrBuffer {
    private byte[] bytes = new byte[128];
    private int length;

    void putInt(int v) {
        ensure(4);
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    void putBool(boolean v) {
        putInt(v ? 1 : 0);
    }

    void putOpaque(byte[] v) {
        putInt(v.length);
        ensure(v.length + 3);
        System.arraycopy(v, 0, bytes, length, v.length);
        length += v.length;
        while ((length & 3) != 0) {
            bytes[length++] = 0;
        }
    }

    void putString(String s) {
        putOpaque(s.getBytes(StandardCharsets.UTF_8));
    }

    /** nfstime4: signed seconds and nanoseconds, from nanoseconds since the epoch. */
    void putTime(long nanos) {
        putLong(Math.floorDiv(nanos, 1_000_000_000L));
        putInt((int) Math.floorMod(nanos, 1_000_000_000L));
    }

    void putBitmap(int[] map) {
        int words = Bitmaps.usedWords(map);
        putInt(words);
        for (int i = 0; i < words; i++) {
            putInt(map[i]);
        }
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
