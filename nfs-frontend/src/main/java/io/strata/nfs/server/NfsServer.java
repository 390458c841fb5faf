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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dcache.oncrpc4j.portmap.OncRpcEmbeddedPortmap;
import org.dcache.oncrpc4j.rpc.OncRpcProgram;
import org.dcache.oncrpc4j.rpc.OncRpcSvc;
import org.dcache.oncrpc4j.rpc.OncRpcSvcBuilder;
import org.dcache.oncrpc4j.rpc.net.IpProtocolType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NFSv3, NFSv4.1/4.2 and MOUNT v3 on one TCP port, over any {@link VirtualFileSystem}. Procedures that may block
 * (metadata transactions, disk I/O) run on a worker pool; quick ones in the thread that read them
 * ({@link QuickOrPooled}). Clients may connect from any source port.
 */
public final class NfsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NfsServer.class);
    private static final int WORKERS = 32;
    private static final int SHUTDOWN_WAIT_SECONDS = 10;

    private final VirtualFileSystem fs;
    private final NfsSettings settings;
    private final NfsMetrics metrics;
    private OncRpcSvc svc;
    private OncRpcEmbeddedPortmap portmap;
    private ExecutorService workers;

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
        AtomicInteger numbers = new AtomicInteger();
        workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "strata-nfs-worker-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Calls are read on the selector threads; quick ones, and name changes that answer later, run there, the
        // others on the workers (QuickOrPooled; NFSv4 decides per compound, after decoding it).
        Nfs3Program nfs3 = new Nfs3Program(fs, handles, callers, metrics);
        OncRpcSvcBuilder builder = new OncRpcSvcBuilder()
                .withTCP()
                .withBindAddress(settings.bind())
                .withPort(settings.port())
                .withSameThreadIoStrategy()
                .withServiceName("strata-nfs")
                .withRpcService(new OncRpcProgram(Nfs3Program.PROGRAM, Nfs3Program.VERSION),
                        new QuickOrPooled(nfs3, nfs3::runsInline, workers))
                .withRpcService(new OncRpcProgram(MountProgram.PROGRAM, MountProgram.VERSION),
                        new QuickOrPooled(new MountProgram(fs, handles, metrics), p -> false, workers))
                .withRpcService(new OncRpcProgram(Nfs4Program.PROGRAM, Nfs4Program.VERSION),
                        new Nfs4Program(fs, handles, callers, metrics, ServerState.fresh(), workers))
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
        if (workers != null) {
            // Calls already running finish before the caller closes the file system under them.
            workers.shutdown();
            try {
                if (!workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("NFS calls still running {} s after the server stopped", SHUTDOWN_WAIT_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers = null;
        }
    }
}
