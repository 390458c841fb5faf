package io.strata.meta.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes the compact, versioned encoding of namespace values stored in Ignite: big-endian numbers, strings as a
 * length and UTF-8 bytes. Into one growing array, without streams or a lambda per field: every namespace change
 * encodes an inode, and the garbage of a stream-based writer was a visible share of the collector's work.
 */
final class ValueWriter {
    private byte[] buf = new byte[128];
    private int size;

    ValueWriter writeByte(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    ValueWriter writeInt(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    ValueWriter writeLong(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    ValueWriter writeBoolean(boolean v) {
        return writeByte(v ? 1 : 0);
    }

    /** A nullable string: length -1 for null, else the UTF-8 length and bytes. */
    ValueWriter writeString(String s) {
        if (s == null) {
            return writeInt(-1);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** A map, sorted by key so equal maps encode to equal bytes. */
    ValueWriter writeMap(Map<String, String> map) {
        writeInt(map.size());
        String[] keys = map.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        for (String k : keys) {
            writeString(k).writeString(map.get(k));
        }
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
