package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed RPC on the NFS port, written byte by byte: each gets its RPC-level error or NFS status, nothing in
 * the namespace changes, and the server keeps answering other calls.
 */
class NfsBadInputIT {
    static final int NFS = 100003;
    static final int MOUNT = 100005;
    static final int GARBAGE_ARGS = 4;
    static final int PROC_UNAVAIL = 3;
    static final int PROG_MISMATCH = 2;
    static final int NOTDIR = 20;
    static final int STALE = 70;

    @RegisterExtension
    static final InJvmServer strata = new InJvmServer();

    /** An RPC call with AUTH_SYS root credentials; {@code args} is the raw argument bytes. */
    static byte[] call(int xid, int program, int version, int procedure, byte[] args) {
        byte[] machine = "test".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer cred = ByteBuffer.allocate(4 + 4 + 4 + 4 + 4 + 4);
        cred.putInt(0).putInt(machine.length).put(machine).putInt(0).putInt(0).putInt(0);
        ByteBuffer b = ByteBuffer.allocate(40 + cred.capacity() + args.length);
        b.putInt(xid).putInt(0).putInt(2).putInt(program).putInt(version).putInt(procedure);
        b.putInt(1).putInt(cred.capacity()).put(cred.array());
        b.putInt(0).putInt(0);
        b.put(args);
        byte[] body = new byte[b.position()];
        b.flip().get(body);
        return body;
    }

    /** Sends one record and returns the accept_stat of the reply, then the rest of the reply as a buffer. */
    static ByteBuffer send(byte[] body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", strata.nfsPort())) {
            s.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(0x80000000 | body.length);
            out.write(body);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int mark = in.readInt();
            byte[] reply = new byte[mark & 0x7fffffff];
            in.readFully(reply);
            ByteBuffer r = ByteBuffer.wrap(reply);
            r.getInt(); // xid
            assertEquals(1, r.getInt(), "REPLY");
            assertEquals(0, r.getInt(), "MSG_ACCEPTED");
            r.getInt(); // verifier flavor
            int verifierLength = r.getInt();
            r.position(r.position() + verifierLength);
            return r;
        }
    }

    static void assertStillServing() throws IOException {
        ByteBuffer r = send(call(99, NFS, 3, 0, new byte[0]));
        assertEquals(0, r.getInt(), "NULL answers SUCCESS");
    }

    static byte[] xdr(Object... items) {
        ByteBuffer b = ByteBuffer.allocate(8192);
        for (Object o : items) {
            if (o instanceof Integer i) {
                b.putInt(i);
            } else if (o instanceof Long l) {
                b.putLong(l);
            } else if (o instanceof byte[] bytes) {
                b.putInt(bytes.length).put(bytes);
                b.position(b.position() + ((4 - bytes.length % 4) % 4));
            }
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    @Test
    void aHugeHandleLengthIsGarbageArgs() throws IOException {
        ByteBuffer r = send(call(1, NFS, 3, 1, xdr(0x7fffffff)));
        assertEquals(GARBAGE_ARGS, r.getInt());
        assertStillServing();
    }

    @Test
    void unknownProceduresAndVersionsGetRpcErrors() throws IOException {
        assertEquals(PROC_UNAVAIL, send(call(2, NFS, 3, 99, new byte[0])).getInt());
        ByteBuffer mismatch = send(call(3, NFS, 2, 0, new byte[0]));
        assertEquals(PROG_MISMATCH, mismatch.getInt());
        assertEquals(3, mismatch.getInt(), "lowest supported version");
        assertEquals(4, mismatch.getInt(), "highest supported version");
        assertStillServing();
    }

    @Test
    void forgedHandlesAndOverlongNamesGetNfsStatuses() throws IOException {
        byte[] forged = new byte[32];
        forged[0] = 1;
        ByteBuffer getattr = send(call(4, NFS, 3, 1, xdr(forged)));
        assertEquals(0, getattr.getInt(), "SUCCESS at the RPC level");
        assertEquals(10001, getattr.getInt(), "NFS3ERR_BADHANDLE");

        ByteBuffer mnt = send(call(5, MOUNT, 3, 1, xdr("/".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(0, mnt.getInt());
        assertEquals(0, mnt.getInt(), "MNT3_OK");
        byte[] root = opaque(mnt);
        ByteBuffer lookup = send(call(6, NFS, 3, 3, xdr(root, "x".repeat(300).getBytes(StandardCharsets.US_ASCII))));
        assertEquals(0, lookup.getInt());
        assertEquals(63, lookup.getInt(), "NFS3ERR_NAMETOOLONG");

        ByteBuffer mkdir = send(call(7, NFS, 3, 9, xdr(root, new byte[] {'a', 0, 'b'}, 0, 0, 0, 0, 0, 0)));
        assertEquals(0, mkdir.getInt());
        assertEquals(22, mkdir.getInt(), "NFS3ERR_INVAL for a NUL in a name");
        assertStillServing();
    }

    /**
     * Name changes in a directory that is gone answer NFS3ERR_STALE, and in a file NFS3ERR_NOTDIR: the namespace
     * checks the directory, with nothing read before it.
     */
    @Test
    void nameChangesInAGoneDirectoryAreStaleAndInAFileNotADirectory() throws IOException {
        ByteBuffer mnt = send(call(30, MOUNT, 3, 1, xdr("/".getBytes(StandardCharsets.US_ASCII))));
        assertEquals(0, mnt.getInt());
        assertEquals(0, mnt.getInt(), "MNT3_OK");
        byte[] root = opaque(mnt);
        byte[] bucket = madeHandle(send(call(31, NFS, 3, 9, xdr(root, bytes("stale-checks"), 0, 0, 0, 0, 0, 0))));
        byte[] dir = madeHandle(send(call(32, NFS, 3, 9, xdr(bucket, bytes("d"), 0, 0, 0, 0, 0, 0))));
        byte[] file = madeHandle(send(call(33, NFS, 3, 8, xdr(dir, bytes("f"), 0, 0, 0, 0, 0, 0, 0))));

        assertEquals(NOTDIR, status(send(call(34, NFS, 3, 12, xdr(file, bytes("x"))))), "REMOVE in a file");
        assertEquals(NOTDIR, status(send(call(35, NFS, 3, 14, xdr(file, bytes("x"), bucket, bytes("y"))))),
                "RENAME from a file");
        assertEquals(0, status(send(call(36, NFS, 3, 12, xdr(dir, bytes("f"))))));
        assertEquals(0, status(send(call(37, NFS, 3, 13, xdr(bucket, bytes("d"))))));
        assertEquals(STALE, status(send(call(38, NFS, 3, 12, xdr(dir, bytes("x"))))), "REMOVE");
        assertEquals(STALE, status(send(call(39, NFS, 3, 13, xdr(dir, bytes("x"))))), "RMDIR");
        assertEquals(STALE, status(send(call(40, NFS, 3, 14, xdr(dir, bytes("x"), bucket, bytes("y"))))),
                "RENAME from");
        assertEquals(0, status(send(call(41, NFS, 3, 8, xdr(bucket, bytes("g"), 0, 0, 0, 0, 0, 0, 0)))));
        assertEquals(STALE, status(send(call(42, NFS, 3, 14, xdr(bucket, bytes("g"), dir, bytes("y"))))), "RENAME to");
        assertStillServing();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The NFS status after a reply's accept_stat of SUCCESS. */
    static int status(ByteBuffer reply) {
        assertEquals(0, reply.getInt(), "SUCCESS at the RPC level");
        return reply.getInt();
    }

    /** The handle of what a CREATE or MKDIR made (its post_op_fh3). */
    static byte[] madeHandle(ByteBuffer reply) {
        assertEquals(0, status(reply), "NFS3_OK");
        assertEquals(1, reply.getInt(), "handle follows");
        return opaque(reply);
    }

    static byte[] opaque(ByteBuffer b) {
        byte[] out = new byte[b.getInt()];
        b.get(out);
        b.position(b.position() + ((4 - out.length % 4) % 4));
        return out;
    }

    @Test
    void aWriteLargerThanTheMaximumIsRefusedWithoutBeingBuffered() throws IOException {
        byte[] handle = new byte[32];
        byte[] data = new byte[2 << 20];
        ByteBuffer args = ByteBuffer.allocate(4 + 32 + 8 + 4 + 4 + 4 + data.length);
        args.putInt(32).put(handle).putLong(0).putInt(data.length).putInt(0).putInt(data.length).put(data);
        ByteBuffer r = send(call(8, NFS, 3, 7, args.array()));
        assertEquals(GARBAGE_ARGS, r.getInt());
        assertStillServing();
    }

    @Test
    void truncatedRecordsAndRandomBytesDoNotStopTheServer() throws Exception {
        try (Socket s = new Socket("127.0.0.1", strata.nfsPort())) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(0x80000000 | 1000);
            out.write(new byte[10]);
            out.flush();
        }
        byte[] noise = new byte[256];
        new Random(7).nextBytes(noise);
        try (Socket s = new Socket("127.0.0.1", strata.nfsPort())) {
            s.setSoTimeout(3000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(0x80000000 | noise.length);
            out.write(noise);
            out.flush();
            try {
                int n = s.getInputStream().read();
                assertTrue(n >= -1);
            } catch (SocketTimeoutException | EOFException ignored) {
                // No reply to noise is fine; what matters is the next check.
            }
        }
        assertStillServing();
    }

    /** NFSv4 COMPOUNDs that break the rules get NFSv4 statuses (RFC 8881), and the server keeps serving. */
    @Test
    void nfs4CompoundsThatBreakTheRulesGetNfs4Statuses() throws IOException {
        byte[] tag = "bad".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer minor0 = send(call(20, NFS, 4, 1, xdr(tag, 0, 1, 24)));
        assertEquals(0, minor0.getInt(), "SUCCESS at the RPC level");
        assertEquals(10021, minor0.getInt(), "NFS4ERR_MINOR_VERS_MISMATCH");

        ByteBuffer noSession = send(call(21, NFS, 4, 1, xdr(tag, 1, 2, 24, 9, 0)));
        assertEquals(0, noSession.getInt());
        assertEquals(10071, noSession.getInt(), "NFS4ERR_OP_NOT_IN_SESSION: PUTROOTFH without SEQUENCE");
        noSession.getInt(); // tag length
        noSession.get(new byte[4]);
        assertEquals(1, noSession.getInt(), "one result: the compound stops at the first failure");
        assertEquals(24, noSession.getInt(), "for PUTROOTFH");

        ByteBuffer illegal = send(call(22, NFS, 4, 1, xdr(tag, 1, 1, 7777)));
        assertEquals(0, illegal.getInt());
        assertEquals(10044, illegal.getInt(), "NFS4ERR_OP_ILLEGAL");

        ByteBuffer garbage = send(call(23, NFS, 4, 1, xdr(0x7fffffff)));
        assertEquals(GARBAGE_ARGS, garbage.getInt(), "a tag longer than the call is GARBAGE_ARGS");
        assertStillServing();
    }
}
