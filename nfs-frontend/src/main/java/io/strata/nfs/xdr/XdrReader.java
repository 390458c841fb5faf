package io.strata.nfs.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * Bounded decoding: every variable-length item is checked against its protocol limit before anything is
 * allocated, so a garbage length gives GARBAGE_ARGS instead of a giant allocation.
 */
public final class XdrReader {
    /** Longest name or path the server reads at all; names over 255 bytes are still refused later. */
    public static final int MAX_STRING = 4096;

    private XdrReader() {
    }

    public static byte[] opaque(XdrDecodingStream in, int max) throws IOException {
        int length = in.xdrDecodeInt();
        if (length < 0 || length > max) {
            throw new GarbageArgsException("opaque of " + Integer.toUnsignedString(length) + " bytes, limit " + max);
        }
        return in.xdrDecodeOpaque(length);
    }

    /** A filename3 or nfspath3 as raw bytes: their charset is checked where they are used. */
    public static byte[] string(XdrDecodingStream in) throws IOException {
        return opaque(in, MAX_STRING);
    }

    public static int enumValue(XdrDecodingStream in, int max) throws IOException {
        int v = in.xdrDecodeInt();
        if (v < 0 || v > max) {
            throw new GarbageArgsException("enum value " + v + " out of range");
        }
        return v;
    }

    public static boolean bool(XdrDecodingStream in) throws IOException {
        int v = in.xdrDecodeInt();
        if (v != 0 && v != 1) {
            throw new GarbageArgsException("bool value " + v);
        }
        return v == 1;
    }
}
