package io.strata.bench.nfs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.dcache.oncrpc4j.rpc.OncRpcClient;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcTransport;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * A small NFSv3 client for the benchmark: just the calls it times, synchronous per thread, over several TCP
 * connections so that many requests are in flight at once. It speaks to any NFSv3 server (Strata, ganesha).
 */
final class Nfs3Client implements AutoCloseable {
    private static final int NFS = 100003;
    private static final int MOUNT = 100005;
    private static final RpcAuthTypeUnix ROOT = new RpcAuthTypeUnix(0, 0, new int[] {0}, 0, "bench");

    private final List<OncRpcClient> clients = new ArrayList<>();
    private final List<RpcTransport> transports = new ArrayList<>();
    final byte[] root;

    Nfs3Client(int nfsPort, int mountPort, String export, int connections) throws IOException {
        for (int i = 0; i < connections; i++) {
            OncRpcClient c = new OncRpcClient(InetAddress.getLoopbackAddress(), IpProtocolType.TCP, nfsPort);
            clients.add(c);
            transports.add(c.connect());
        }
        try (OncRpcClient m = new OncRpcClient(InetAddress.getLoopbackAddress(), IpProtocolType.TCP, mountPort)) {
            RpcCall mnt = new RpcCall(MOUNT, 3, ROOT, m.connect());
            Result r = new Result(in -> {
                byte[] fh = in.xdrDecodeDynamicOpaque();
                return fh;
            });
            mnt.call(1, new Args(out -> out.xdrEncodeString(export)), r);
            root = (byte[]) r.value;
        }
    }

    interface Encoder {
        void encode(XdrEncodingStream out) throws IOException;
    }

    interface Decoder {
        Object decode(XdrDecodingStream in) throws IOException;
    }

    /** A call's arguments. */
    private record Args(Encoder encoder) implements XdrAble {
        @Override
        public void xdrEncode(XdrEncodingStream out) throws IOException {
            encoder.encode(out);
        }

        @Override
        public void xdrDecode(XdrDecodingStream in) {
            throw new UnsupportedOperationException();
        }
    }

    /** A reply: a status, then (on success) what {@code decoder} reads. */
    private static final class Result implements XdrAble {
        final Decoder decoder;
        int status;
        Object value;

        Result(Decoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void xdrDecode(XdrDecodingStream in) throws IOException {
            status = in.xdrDecodeInt();
            if (status == 0) {
                value = decoder.decode(in);
            }
        }

        @Override
        public void xdrEncode(XdrEncodingStream out) {
            throw new UnsupportedOperationException();
        }
    }

    private Object call(int proc, Encoder args, Decoder reply) throws IOException {
        RpcTransport t = transports.get(ThreadLocalRandom.current().nextInt(transports.size()));
        Result r = new Result(reply);
        new RpcCall(NFS, 3, ROOT, t).call(proc, new Args(args), r);
        if (r.status != 0) {
            throw new IOException("NFS procedure " + proc + " failed with status " + r.status);
        }
        return r.value;
    }

    private static void dirOp(XdrEncodingStream out, byte[] dir, String name) {
        out.xdrEncodeDynamicOpaque(dir);
        out.xdrEncodeDynamicOpaque(name.getBytes(StandardCharsets.UTF_8));
    }

    private static void skipPostOp(XdrDecodingStream in) throws IOException {
        if (in.xdrDecodeBoolean()) {
            for (int i = 0; i < 21; i++) {
                in.xdrDecodeInt();
            }
        }
    }

    byte[] create(byte[] dir, String name) throws IOException {
        return (byte[]) call(8, out -> {
            dirOp(out, dir, name);
            out.xdrEncodeInt(1); // GUARDED
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(0644);
            for (int i = 0; i < 3; i++) {
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        }, in -> {
            in.xdrDecodeBoolean();
            return in.xdrDecodeDynamicOpaque();
        });
    }

    byte[] mkdir(byte[] dir, String name) throws IOException {
        return (byte[]) call(9, out -> {
            dirOp(out, dir, name);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(0755);
            for (int i = 0; i < 3; i++) {
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        }, in -> {
            in.xdrDecodeBoolean();
            return in.xdrDecodeDynamicOpaque();
        });
    }

    void write(byte[] fh, long offset, byte[] data, int stable) throws IOException {
        call(7, out -> {
            out.xdrEncodeDynamicOpaque(fh);
            out.xdrEncodeLong(offset);
            out.xdrEncodeInt(data.length);
            out.xdrEncodeInt(stable);
            out.xdrEncodeDynamicOpaque(data);
        }, in -> null);
    }

    void commit(byte[] fh) throws IOException {
        call(21, out -> {
            out.xdrEncodeDynamicOpaque(fh);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(0);
        }, in -> null);
    }

    int read(byte[] fh, long offset, int count) throws IOException {
        return (Integer) call(6, out -> {
            out.xdrEncodeDynamicOpaque(fh);
            out.xdrEncodeLong(offset);
            out.xdrEncodeInt(count);
        }, in -> {
            skipPostOp(in);
            int n = in.xdrDecodeInt();
            in.xdrDecodeBoolean();
            in.xdrDecodeDynamicOpaque();
            return n;
        });
    }

    void getattr(byte[] fh) throws IOException {
        call(1, out -> out.xdrEncodeDynamicOpaque(fh), in -> null);
    }

    void rename(byte[] dir, String from, String to) throws IOException {
        call(14, out -> {
            dirOp(out, dir, from);
            dirOp(out, dir, to);
        }, in -> null);
    }

    void remove(byte[] dir, String name) throws IOException {
        call(12, out -> dirOp(out, dir, name), in -> null);
    }

    void rmdir(byte[] dir, String name) throws IOException {
        call(13, out -> dirOp(out, dir, name), in -> null);
    }

    /** Lists the whole directory with READDIRPLUS; returns how many entries came back. */
    int readdirplus(byte[] dir) throws IOException {
        long cookie = 0;
        long verifier = 0;
        int entries = 0;
        for (;;) {
            long c = cookie;
            long v = verifier;
            long[] page = (long[]) call(17, out -> {
                out.xdrEncodeDynamicOpaque(dir);
                out.xdrEncodeLong(c);
                out.xdrEncodeLong(v);
                out.xdrEncodeInt(64 * 1024);
                out.xdrEncodeInt(256 * 1024);
            }, in -> {
                skipPostOp(in);
                long verf = in.xdrDecodeLong();
                long last = c;
                long n = 0;
                while (in.xdrDecodeBoolean()) {
                    in.xdrDecodeLong();
                    in.xdrDecodeDynamicOpaque();
                    last = in.xdrDecodeLong();
                    skipPostOp(in);
                    if (in.xdrDecodeBoolean()) {
                        in.xdrDecodeDynamicOpaque();
                    }
                    n++;
                }
                return new long[] {n, last, in.xdrDecodeBoolean() ? 1 : 0, verf};
            });
            entries += (int) page[0];
            cookie = page[1];
            verifier = page[3];
            if (page[2] == 1) {
                return entries;
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (OncRpcClient c : clients) {
            c.close();
        }
    }
}
