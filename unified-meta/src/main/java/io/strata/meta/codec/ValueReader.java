package io.strata.meta.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reads what {@link ValueWriter} wrote; a truncated or corrupt value fails with {@link CorruptValueException}. */
final class ValueReader {
    private final ByteBuffer in;

    ValueReader(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    byte readByte() {
        need(1);
        return in.get();
    }

    int readInt() {
        need(4);
        return in.getInt();
    }

    long readLong() {
        need(8);
        return in.getLong();
    }

    boolean readBoolean() {
        return readByte() != 0;
    }

    String readString() {
        int len = readInt();
        if (len < 0) {
            return null;
        }
        if (len > in.remaining()) {
            throw new CorruptValueException("string length " + len + " beyond value end");
        }
        String s = new String(in.array(), in.position(), len, StandardCharsets.UTF_8);
        in.position(in.position() + len);
        return s;
    }

    /**
     * A count of the items that follow: each takes at least one byte, so a count beyond the value's end (or below
     * zero) is corruption, reported before anything is allocated for it.
     */
    int readCount(String what) {
        int n = readInt();
        if (n < 0 || n > in.remaining()) {
            throw new CorruptValueException(what + " " + n);
        }
        return n;
    }

    /** Most stored maps are empty or hold one entry (a Content-Type): those need no hash table. */
    Map<String, String> readMap() {
        int n = readCount("map size");
        if (n == 0) {
            return Map.of();
        }
        if (n == 1) {
            return Map.of(readString(), readString());
        }
        Map<String, String> map = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            map.put(readString(), readString());
        }
        return map;
    }

    void expectVersion(int expected, String what) {
        int v = readByte();
        if (v != expected) {
            throw new CorruptValueException(what + " encoding version " + v + ", expected " + expected);
        }
    }

    private void need(int bytes) {
        if (in.remaining() < bytes) {
            throw new CorruptValueException("value ends early");
        }
    }
}
