package io.strata.meta.codec;

import java.nio.BufferUnderflowException;
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
        return guard(() -> in.get());
    }

    int readInt() {
        return guard(() -> in.getInt());
    }

    long readLong() {
        return guard(() -> in.getLong());
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

    Map<String, String> readMap() {
        int n = readInt();
        if (n < 0 || n > in.remaining()) {
            throw new CorruptValueException("map size " + n);
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

    private interface Read<T> {
        T get();
    }

    private static <T> T guard(Read<T> read) {
        try {
            return read.get();
        } catch (BufferUnderflowException e) {
            throw new CorruptValueException("value ends early");
        }
    }
}
