package io.strata.nfs.v4.attr;

import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/** Reads the values of an fattr4 from its attrlist4 bytes; running short is BADXDR. */
final class AttrReader {
    private final ByteBuffer in;

    AttrReader(byte[] values) {
        this.in = ByteBuffer.wrap(values);
    }

    int getInt() throws Nfs4Exception {
        try {
            return in.getInt();
        } catch (BufferUnderflowException e) {
            throw new Nfs4Exception(Nfs4Status.BADXDR, "attribute values end early");
        }
    }

    long getLong() throws Nfs4Exception {
        try {
            return in.getLong();
        } catch (BufferUnderflowException e) {
            throw new Nfs4Exception(Nfs4Status.BADXDR, "attribute values end early");
        }
    }

    byte[] getOpaque(int max) throws Nfs4Exception {
        int n = getInt();
        if (n < 0 || n > max || n > in.remaining()) {
            throw new Nfs4Exception(Nfs4Status.BADXDR, "attribute string of " + n + " bytes");
        }
        byte[] v = new byte[n];
        in.get(v);
        in.position(Math.min(in.limit(), in.position() + ((4 - (n & 3)) & 3)));
        return v;
    }

    boolean done() {
        return !in.hasRemaining();
    }
}
