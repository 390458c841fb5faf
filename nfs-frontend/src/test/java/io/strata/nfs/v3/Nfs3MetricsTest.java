package io.strata.nfs.v3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.metrics.NfsMetrics;
import io.strata.nfs.server.CallerMapper;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.testing.InMemoryFileSystem;
import io.strata.nfs.testing.Wire;
import io.strata.nfs.vfs.Caller;
import io.strata.nfs.xdr.XdrWriter;
import java.nio.charset.StandardCharsets;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.junit.jupiter.api.Test;

/** Procedures driven as in {@link Nfs3ProceduresTest}, watching what they record. */
class Nfs3MetricsTest {
    static final int GETATTR = 1, LOOKUP = 3, READ = 6, WRITE = 7, CREATE = 8;
    static final Caller ROOT = new Caller(0, 0, new int[0]);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final InMemoryFileSystem fs = new InMemoryFileSystem();
    final FileHandles handles = new FileHandles("0123456789abcdef0123456789abcdef".getBytes());
    final Nfs3Program program = new Nfs3Program(fs, handles, new CallerMapper(false, 65534, 65534),
            new NfsMetrics(registry));
    final byte[] root = handles.encode(InMemoryFileSystem.ROOT);

    @SuppressWarnings("unchecked")
    <A> Xdr call(int number, XdrWriter args) throws Exception {
        Procedure<A> p = (Procedure<A>) program.procedure(number);
        A decoded = p.decode(Wire.roundTrip(args));
        return Wire.roundTrip(program.run(number, p, decoded, new NfsContext(fs, handles, ROOT)));
    }

    long count(String procedure, String status) {
        return registry.get("strata.nfs.operations").tags("procedure", procedure, "status", status).timer().count();
    }

    double counter(String name) {
        return registry.get(name).counter().count();
    }

    byte[] create(String name) throws Exception {
        Xdr r = call(CREATE, out -> {
            out.xdrEncodeDynamicOpaque(root);
            out.xdrEncodeDynamicOpaque(name.getBytes(StandardCharsets.UTF_8));
            out.xdrEncodeInt(1);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(0644);
            for (int i = 0; i < 5; i++) {
                out.xdrEncodeBoolean(false);
            }
        });
        assertEquals(0, r.xdrDecodeInt());
        r.xdrDecodeBoolean();
        return r.xdrDecodeDynamicOpaque();
    }

    int write(byte[] file, int count, byte[] data) throws Exception {
        return call(WRITE, out -> {
            out.xdrEncodeDynamicOpaque(file);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(count);
            out.xdrEncodeInt(2);
            out.xdrEncodeDynamicOpaque(data);
        }).xdrDecodeInt();
    }

    int read(byte[] file, int count) throws Exception {
        return call(READ, out -> {
            out.xdrEncodeDynamicOpaque(file);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(count);
        }).xdrDecodeInt();
    }

    @Test
    void eachCallCountsUnderItsProcedureAndTheStatusItsReplyCarries() throws Exception {
        call(GETATTR, out -> out.xdrEncodeDynamicOpaque(root));
        call(GETATTR, out -> out.xdrEncodeDynamicOpaque(root));
        call(LOOKUP, out -> {
            out.xdrEncodeDynamicOpaque(root);
            out.xdrEncodeDynamicOpaque("missing".getBytes(StandardCharsets.UTF_8));
        });
        fs.failWith = new IllegalStateException("disk on fire");
        call(GETATTR, out -> out.xdrEncodeDynamicOpaque(root));

        assertEquals(2, count("GETATTR", "NFS3_OK"));
        assertEquals(1, count("LOOKUP", "NFS3ERR_NOENT"));
        assertEquals(1, count("GETATTR", "NFS3ERR_SERVERFAULT"));
        assertEquals(3, registry.get("strata.nfs.operations").timers().size(), "only what occurred is published");
    }

    @Test
    void readAndWriteCountTheirPayloadOnSuccessOnly() throws Exception {
        byte[] f = create("data");
        assertEquals(0, write(f, 10, new byte[10]));
        assertEquals(NfsStatus.INVAL.code(), write(f, 10, new byte[4]), "count beyond the data sent");
        assertEquals(0, read(f, 4096));
        assertEquals(NfsStatus.ISDIR.code(), read(root, 100));

        assertEquals(10, counter("strata.nfs.bytes.written"));
        assertEquals(10, counter("strata.nfs.bytes.read"), "a short READ counts what it returned");
        assertEquals(1, count("WRITE", "NFS3_OK"));
        assertEquals(1, count("WRITE", "NFS3ERR_INVAL"));
        assertEquals(1, count("READ", "NFS3_OK"));
        assertEquals(1, count("READ", "NFS3ERR_ISDIR"));
        assertEquals(1, count("CREATE", "NFS3_OK"));
    }
}
