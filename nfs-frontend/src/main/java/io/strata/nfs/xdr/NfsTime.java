package io.strata.nfs.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** nfstime3: unsigned seconds and nanoseconds since the epoch. */
public final class NfsTime {
    private NfsTime() {
    }

    public static void encode(XdrEncodingStream out, long nanos) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        out.xdrEncodeInt((int) seconds);
        out.xdrEncodeInt((int) Math.floorMod(nanos, 1_000_000_000L));
    }

    public static long decode(XdrDecodingStream in) throws IOException {
        long seconds = Integer.toUnsignedLong(in.xdrDecodeInt());
        long nanos = Integer.toUnsignedLong(in.xdrDecodeInt());
        if (nanos >= 1_000_000_000L) {
            throw new GarbageArgsException("nseconds " + nanos);
        }
        return seconds * 1_000_000_000L + nanos;
    }
}
