package io.strata.nfs.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.metrics.NfsMetrics;
import io.strata.nfs.mount.MountProgram;
import io.strata.nfs.v3.Nfs3Program;
import io.strata.nfs.v4.Nfs4Program;
import io.strata.nfs.v4.ServerState;
import io.strata.nfs.vfs.VirtualFileSystem;
import java.io.IOException;
import org.dcache.oncrpc4j.portmap.OncRpcEmbeddedPortmap;
import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.OncRpcSvc;
import org.dcache.oncrpc4j.rpc.OncRpcSvcBuilder;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NFSv3, NFSv4.1/4.2 and MOUNT v3 on one TCP port, over any {@link VirtualFileSystem}. Procedures run on a worker pool because
 * file-system calls block (metadata transactions, disk I/O). Clients may connect from any source port.
 */
public final class NfsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NfsServer.class);
    private static final int WORKERS = 32;

    private final VirtualFileSystem fs;
    private final NfsSettings settings;
    private final NfsMetrics metrics;
    private OncRpcSvc svc;
    private OncRpcEmbeddedPortmap portmap;

    /** A server that records no metrics (a registry with nowhere to publish). */
    public NfsServer(VirtualFileSystem fs, NfsSettings settings) {
        this(fs, settings, new CompositeMeterRegistry());
    }

    /** A server that reports call latency and READ/WRITE bytes to {@code registry}. */
    public NfsServer(VirtualFileSystem fs, NfsSettings settings, MeterRegistry registry) {
        this.fs = fs;
        this.settings = settings;
        this.metrics = new NfsMetrics(registry);
    }

    public void start() throws IOException {
        FileHandles handles = new FileHandles(settings.handleKey());
        CallerMapper callers = new CallerMapper(settings.rootSquash(), settings.anonUid(), settings.anonGid());
        OncRpcSvcBuilder builder = new OncRpcSvcBuilder()
                .withTCP()
                .withBindAddress(settings.bind())
                .withPort(settings.port())
                .withWorkerThreadIoStrategy()
                .withWorkerThreadPoolSize(WORKERS)
                .withServiceName("strata-nfs")
                .withRpcService(new OncRpcProgram(Nfs3Program.PROGRAM, Nfs3Program.VERSION),
                        new Nfs3Program(fs, handles, callers, metrics))
                .withRpcService(new OncRpcProgram(MountProgram.PROGRAM, MountProgram.VERSION),
                        new MountProgram(fs, handles, metrics))
                .withRpcService(new OncRpcProgram(Nfs4Program.PROGRAM, Nfs4Program.VERSION),
                        new Nfs4Program(fs, handles, callers, metrics, ServerState.fresh()))
                // oncrpc4j answers an unregistered version with PROG_UNAVAIL; RFC 5531 wants PROG_MISMATCH with
                // the versions served, which is what makes a client pick one of them.
                .withRpcService(new OncRpcProgram(Nfs3Program.PROGRAM, 2), Mismatch.NFS)
                .withRpcService(new OncRpcProgram(MountProgram.PROGRAM, 1), Mismatch.MOUNT)
                .withRpcService(new OncRpcProgram(MountProgram.PROGRAM, 2), Mismatch.MOUNT);
        if (settings.portmap() && startPortmap()) {
            builder.withAutoPublish();
        } else {
            builder.withoutAutoPublish();
        }
        svc = builder.build();
        svc.start();
    }

    /** Answers calls to a version that is not served with the one that is. */
    private enum Mismatch implements org.dcache.oncrpc4j.rpc.RpcDispatchable {
        NFS(Nfs3Program.VERSION, Nfs4Program.VERSION), MOUNT(MountProgram.VERSION, MountProgram.VERSION);

        private final int low;
        private final int high;

        Mismatch(int low, int high) {
            this.low = low;
            this.high = high;
        }

        @Override
        public void dispatchOncRpcCall(org.dcache.oncrpc4j.rpc.RpcCall call) {
            call.failProgramMismatch(low, high);
        }
    }

    /** The embedded portmapper, when port 111 is free (or a system one answers there). */
    private boolean startPortmap() {
        try {
            portmap = new OncRpcEmbeddedPortmap(1, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (RuntimeException e) {
            LOG.info("no portmapper on port 111 ({}): NFS clients need port= and mountport= options", e.toString());
            return false;
        }
    }

    public int port() {
        return svc.getInetSocketAddress(IpProtocolType.TCP).getPort();
    }

    @Override
    public void close() throws IOException {
        if (svc != null) {
            svc.stop();
            svc = null;
        }
        if (portmap != null) {
            portmap.shutdown();
            portmap = null;
        }
    }
}
