package io.strata.nfs.v4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.strata.nfs.testing.Wire;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.xdr.XdrWriter;
import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.Xdr;

/**
 * A test client for {@link Nfs4Program} without sockets: encodes COMPOUNDs as a client would, decodes them as the
 * server does, and hands back the reply bytes to read. {@link #establish()} makes a client id and a session;
 * {@link #compound} then puts SEQUENCE first, on slot 0 with the next sequence id.
 */
final class Client4 {
    static final int ACCESS = 3, CLOSE = 4, COMMIT = 5, CREATE = 6, GETATTR = 9, GETFH = 10, LINK = 11,
            LOOKUP = 15, LOOKUPP = 16, OPEN = 18, PUTFH = 22, PUTROOTFH = 24, READ = 25, READDIR = 26, REMOVE = 28,
            RENAME = 29, RESTOREFH = 31, SAVEFH = 32, SETATTR = 34, WRITE = 38, EXCHANGE_ID = 42,
            CREATE_SESSION = 43, DESTROY_SESSION = 44, SECINFO_NO_NAME = 52, SEQUENCE = 53, TEST_STATEID = 55,
            DESTROY_CLIENTID = 57, RECLAIM_COMPLETE = 58, GETXATTR = 72, SETXATTR = 73, LISTXATTRS = 74, REMOVEXATTR = 75;

    record Op(int opcode, XdrWriter args) {
    }

    private final Nfs4Program program;
    private final NfsContext ctx;
    int minorVersion = 2;
    long clientId;
    byte[] sessionId;
    int sequence;

    Client4(Nfs4Program program, NfsContext ctx) {
        this.program = program;
        this.ctx = ctx;
    }

    static Op op(int opcode, XdrWriter args) {
        return new Op(opcode, args);
    }

    static Op op(int opcode) {
        return new Op(opcode, XdrWriter.NOTHING);
    }

    static Op name(int opcode, String name) {
        return new Op(opcode, out -> out.xdrEncodeDynamicOpaque(name.getBytes(StandardCharsets.UTF_8)));
    }

    static Op getattr(int... bits) {
        return new Op(GETATTR, out -> bitmap(bits).write(out));
    }

    static XdrWriter bitmap(int... bits) {
        int[] map = new int[3];
        for (int b : bits) {
            map[b / 32] |= 1 << (b % 32);
        }
        return out -> {
            out.xdrEncodeInt(3);
            for (int w : map) {
                out.xdrEncodeInt(w);
            }
        };
    }

    /** EXCHANGE_ID then CREATE_SESSION, each alone as RFC 8881 wants. */
    void establish() throws Exception {
        Results r = raw(op(EXCHANGE_ID, out -> {
            out.xdrEncodeLong(42); // verifier
            out.xdrEncodeDynamicOpaque("test-client".getBytes(StandardCharsets.US_ASCII));
            out.xdrEncodeInt(0); // flags
            out.xdrEncodeInt(0); // SP4_NONE
            out.xdrEncodeInt(0); // no implementation id
        }));
        assertEquals(Nfs4Status.OK.code(), r.next(EXCHANGE_ID));
        clientId = r.in().xdrDecodeLong();
        int seq = r.in().xdrDecodeInt();
        Results s = raw(op(CREATE_SESSION, out -> {
            out.xdrEncodeLong(clientId);
            out.xdrEncodeInt(seq);
            out.xdrEncodeInt(0);
            for (int i = 0; i < 2; i++) {
                for (int v : new int[] {0, 1 << 20, 1 << 20, 8192, 16, 8}) {
                    out.xdrEncodeInt(v);
                }
                out.xdrEncodeInt(0);
            }
            out.xdrEncodeInt(0x40000000);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(0); // AUTH_NONE
        }));
        assertEquals(Nfs4Status.OK.code(), s.next(CREATE_SESSION));
        sessionId = s.in().xdrDecodeOpaque(16);
    }

    /** SEQUENCE on slot 0 with the next sequence id, then {@code ops}; the SEQUENCE result is already read. */
    Results compound(Op... ops) throws Exception {
        return compoundOnSlot(0, ++sequence, false, ops);
    }

    Results compoundOnSlot(int slot, int seq, boolean cacheThis, Op... ops) throws Exception {
        Op[] all = new Op[ops.length + 1];
        all[0] = op(SEQUENCE, out -> {
            out.xdrEncodeOpaque(sessionId, 16);
            out.xdrEncodeInt(seq);
            out.xdrEncodeInt(slot);
            out.xdrEncodeInt(slot);
            out.xdrEncodeBoolean(cacheThis);
        });
        System.arraycopy(ops, 0, all, 1, ops.length);
        Results r = raw(all);
        r.sequenceStatus = r.next(SEQUENCE);
        if (r.sequenceStatus == 0) {
            r.in().xdrDecodeOpaque(16);
            for (int i = 0; i < 5; i++) {
                r.in().xdrDecodeInt();
            }
        }
        return r;
    }

    /** The compound exactly as given. */
    Results raw(Op... ops) throws Exception {
        return new Results(Wire.bytes(program.run(Compound.decode(Wire.roundTrip(encode(ops))), ctx)));
    }

    XdrWriter encode(Op... ops) {
        return out -> {
            out.xdrEncodeDynamicOpaque("t".getBytes(StandardCharsets.US_ASCII));
            out.xdrEncodeInt(minorVersion);
            out.xdrEncodeInt(ops.length);
            for (Op o : ops) {
                out.xdrEncodeInt(o.opcode());
                o.args().write(out);
            }
        };
    }

    /** A COMPOUND reply, read front to back. */
    static final class Results {
        final byte[] bytes;
        final int status;
        final int count;
        int sequenceStatus;
        private final Xdr in;

        Results(byte[] bytes) throws Exception {
            this.bytes = bytes;
            this.in = new Xdr(bytes);
            in.beginDecoding();
            status = in.xdrDecodeInt();
            in.xdrDecodeDynamicOpaque();
            count = in.xdrDecodeInt();
        }

        /** Reads the next result's opcode (which must be {@code opcode}) and returns its status. */
        int next(int opcode) throws Exception {
            assertEquals(opcode, in.xdrDecodeInt(), "result opcode");
            return in.xdrDecodeInt();
        }

        Xdr in() {
            return in;
        }
    }
}
