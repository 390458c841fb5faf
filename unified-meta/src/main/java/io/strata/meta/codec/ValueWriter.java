package io.strata.meta.codec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Writes the compact, versioned encoding of namespace values stored in Ignite. */
final class ValueWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    private final DataOutputStream out = new DataOutputStream(bytes);

    ValueWriter writeByte(int v) {
        return io(() -> out.writeByte(v));
    }

    ValueWriter writeInt(int v) {
        return io(() -> out.writeInt(v));
    }

    ValueWriter writeLong(long v) {
        return io(() -> out.writeLong(v));
    }

    ValueWriter writeBoolean(boolean v) {
        return io(() -> out.writeBoolean(v));
    }

    /** A nullable string: length -1 for null, else the UTF-8 length and bytes. */
    ValueWriter writeString(String s) {
        return io(() -> {
            if (s == null) {
                out.writeInt(-1);
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
        });
    }

    /** A map, sorted so equal maps encode to equal bytes. */
    ValueWriter writeMap(Map<String, String> map) {
        writeInt(map.size());
        new TreeMap<>(map).forEach((k, v) -> {
            writeString(k);
            writeString(v);
        });
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private ValueWriter io(IoAction action) {
        try {
            action.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
