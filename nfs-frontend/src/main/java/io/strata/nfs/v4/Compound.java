package io.strata.nfs.v4;

import io.strata.nfs.xdr.XdrReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * A decoded COMPOUND4args: the tag, the minor version, the operations that decoded, and, when decoding stopped
 * early, the operation and status that stopped it (an unknown opcode is OP_ILLEGAL, a known one this server does
 * not implement is NOTSUPP, arguments that do not decode are BADXDR). Operations after that one never run, so
 * they are not decoded.
 */
public record Compound(byte[] tag, int minorVersion, List<Decoded<?>> ops, Stop stop) {

    public record Decoded<A>(int opcode, Operation<A> operation, A args) {
    }

    public record Stop(int opcode, Nfs4Status status) {
    }

    /** Whether every operation is {@linkplain Operation#quick() quick}. */
    public boolean quick() {
        for (Decoded<?> op : ops) {
            if (!op.operation().quick()) {
                return false;
            }
        }
        return true;
    }

    /** How many results the compound can have. */
    public int size() {
        return ops.size() + (stop == null ? 0 : 1);
    }

    public static Compound decode(XdrDecodingStream in) throws IOException {
        byte[] tag = XdrReader.string(in);
        int minor = in.xdrDecodeInt();
        int count = in.xdrDecodeInt();
        List<Decoded<?>> ops = new ArrayList<>();
        if (minor != 1 && minor != 2) {
            return new Compound(tag, minor, ops, null);
        }
        for (int i = 0; i < count; i++) {
            if (i == Nfs4Program.MAX_DECODED_OPS) {
                return new Compound(tag, minor, ops, new Stop(Operations.ILLEGAL, Nfs4Status.RESOURCE));
            }
            int opcode = in.xdrDecodeInt();
            if (!Operations.exists(opcode, minor)) {
                return new Compound(tag, minor, ops, new Stop(Operations.ILLEGAL, Nfs4Status.OP_ILLEGAL));
            }
            Operation<?> op = Operations.of(opcode);
            if (op == null) {
                return new Compound(tag, minor, ops, new Stop(opcode, Nfs4Status.NOTSUPP));
            }
            try {
                ops.add(decodeOne(opcode, op, in));
            } catch (IOException | RuntimeException e) {
                return new Compound(tag, minor, ops, new Stop(opcode, Nfs4Status.BADXDR));
            }
        }
        return new Compound(tag, minor, ops, null);
    }

    private static <A> Decoded<A> decodeOne(int opcode, Operation<A> op, XdrDecodingStream in) throws IOException {
        return new Decoded<>(opcode, op, op.decode(in));
    }
}
