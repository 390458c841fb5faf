package io.strata.nfs.v3;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.metrics.NfsMetrics;
import io.strata.nfs.server.CallerMapper;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v3.proc.Access3;
import io.strata.nfs.v3.proc.Commit3;
import io.strata.nfs.v3.proc.Create3;
import io.strata.nfs.v3.proc.Fsinfo3;
import io.strata.nfs.v3.proc.Fsstat3;
import io.strata.nfs.v3.proc.Getattr3;
import io.strata.nfs.v3.proc.Link3;
import io.strata.nfs.v3.proc.Lookup3;
import io.strata.nfs.v3.proc.Mkdir3;
import io.strata.nfs.v3.proc.Mknod3;
import io.strata.nfs.v3.proc.Null3;
import io.strata.nfs.v3.proc.Pathconf3;
import io.strata.nfs.v3.proc.Read3;
import io.strata.nfs.v3.proc.Readdir3;
import io.strata.nfs.v3.proc.Readdirplus3;
import io.strata.nfs.v3.proc.Readlink3;
import io.strata.nfs.v3.proc.Remove3;
import io.strata.nfs.v3.proc.Rename3;
import io.strata.nfs.v3.proc.Rmdir3;
import io.strata.nfs.v3.proc.Setattr3;
import io.strata.nfs.v3.proc.Symlink3;
import io.strata.nfs.v3.proc.Write3;
import io.strata.nfs.vfs.Completions;
import io.strata.nfs.vfs.VirtualFileSystem;
import io.strata.nfs.xdr.Reply;
import io.strata.nfs.xdr.XdrWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NFS version 3 (program 100003): decodes a call, runs its procedure, and writes the status: the one place where
 * an {@link NfsException} becomes the reply's status and an unexpected failure becomes SERVERFAULT. Arguments
 * that do not decode get GARBAGE_ARGS, and nothing runs.
 */
public final class Nfs3Program implements RpcDispatchable {
    public static final int PROGRAM = 100003;
    public static final int VERSION = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Nfs3Program.class);

    /** Indexed by procedure number (RFC 1813 3.3.0 to 3.3.21). */
    private final List<Procedure<?>> procedures = List.of(new Null3(), new Getattr3(), new Setattr3(),
            new Lookup3(), new Access3(), new Readlink3(), new Read3(), new Write3(), new Create3(), new Mkdir3(),
            new Symlink3(), new Mknod3(), new Remove3(), new Rmdir3(), new Rename3(), new Link3(), new Readdir3(),
            new Readdirplus3(), new Fsstat3(), new Fsinfo3(), new Pathconf3(), new Commit3());

    private final VirtualFileSystem fs;
    private final FileHandles handles;
    private final CallerMapper callers;
    private final NfsMetrics metrics;

    /** A program that records no metrics (a registry with nowhere to publish). */
    public Nfs3Program(VirtualFileSystem fs, FileHandles handles, CallerMapper callers) {
        this(fs, handles, callers, new NfsMetrics(new CompositeMeterRegistry()));
    }

    public Nfs3Program(VirtualFileSystem fs, FileHandles handles, CallerMapper callers, NfsMetrics metrics) {
        this.fs = fs;
        this.handles = handles;
        this.callers = callers;
        this.metrics = metrics;
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) {
        int number = call.getProcedure();
        if (number < 0 || number >= procedures.size()) {
            call.failProcedureUnavailable();
            return;
        }
        dispatch(number, procedures.get(number), call);
    }

    /** Decodes and starts; the reply goes once the procedure completes, from the thread that completes it. */
    private <A> void dispatch(int number, Procedure<A> procedure, RpcCall call) {
        Arguments<A> args = new Arguments<>(procedure);
        long start = System.nanoTime();
        try {
            call.retrieveCall(args);
        } catch (Exception e) {
            LOG.debug("NFS procedure {}: arguments do not decode: {}", number, e.toString());
            call.failRpcGarbage();
            metrics.nfs3Garbage(number, System.nanoTime() - start);
            return;
        }
        NfsContext ctx = new NfsContext(fs, handles, callers.of(call.getCredential()));
        long began = System.nanoTime(); // procedures are timed from their decoded arguments, as run() does
        started(procedure, args.value, ctx).whenComplete((body, failure) -> {
            try {
                call.reply(new Reply(reply(number, procedure, args.value, ctx, body, failure, began)));
            } catch (RuntimeException e) {
                // Not thrown to anyone (this may run in the thread that committed the change): answered here.
                LOG.error("NFS procedure {}: the reply failed", number, e);
                call.failRpcSystem();
            }
        });
    }

    private static <A> CompletionStage<XdrWriter> started(Procedure<A> procedure, A args, NfsContext ctx) {
        try {
            return procedure.start(args, ctx);
        } catch (NfsException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs one decoded call and returns its whole reply body, status first (NULL has none). */
    public <A> XdrWriter run(int number, Procedure<A> procedure, A args, NfsContext ctx) {
        long start = System.nanoTime();
        try {
            return reply(number, procedure, args, ctx, procedure.run(args, ctx), null, start);
        } catch (NfsException | RuntimeException e) {
            return reply(number, procedure, args, ctx, null, e, start);
        }
    }

    /**
     * The whole reply body of a call that completed with {@code body} or failed with {@code failure}: the one place
     * where an {@link NfsException} becomes a status, and anything else SERVERFAULT.
     */
    private <A> XdrWriter reply(int number, Procedure<A> procedure, A args, NfsContext ctx, XdrWriter body,
                                Throwable failure, long start) {
        NfsStatus status = NfsStatus.OK;
        Throwable cause = failure == null ? null : Completions.cause(failure);
        if (cause instanceof NfsException e) {
            LOG.debug("NFS procedure {}: {} ({})", number, e.status(), e.getMessage());
            status = e.status();
            body = procedure.failed(args, ctx);
        } else if (cause != null) {
            LOG.error("NFS procedure {} failed", number, cause);
            status = NfsStatus.SERVERFAULT;
            body = procedure.failed(args, ctx);
        }
        metrics.nfs3(number, status, System.nanoTime() - start);
        if (body instanceof DataReply d) {
            if (d.written()) {
                metrics.bytesWritten(d.bytes());
            } else {
                metrics.bytesRead(d.bytes());
            }
        }
        if (number == 0) {
            return body;
        }
        int code = status.code();
        XdrWriter rest = body;
        return out -> {
            out.xdrEncodeInt(code);
            rest.write(out);
        };
    }

    /**
     * Whether the thread that read a call may run it (see {@code QuickOrPooled}): a quick one ({@link #isQuick}),
     * or one that {@linkplain Procedure#startsWithoutBlocking starts without blocking}.
     */
    public boolean runsInline(int procedure) {
        return isQuick(procedure) || procedure >= 0 && procedure < procedures.size()
                && procedures.get(procedure).startsWithoutBlocking();
    }

    /**
     * Whether a procedure only reads attributes or names, so that it answers at once and may run in the thread that
     * read it (see {@code QuickOrPooled}): NULL, GETATTR, LOOKUP, ACCESS, READLINK, FSSTAT, FSINFO, PATHCONF.
     */
    public static boolean isQuick(int procedure) {
        return switch (procedure) {
            case 0, 1, 3, 4, 5, 18, 19, 20 -> true;
            default -> false;
        };
    }

    public Procedure<?> procedure(int number) {
        return procedures.get(number);
    }

    /** Captures the decoded arguments (oncrpc4j decodes into an {@link XdrAble}). */
    private static final class Arguments<A> implements XdrAble {
        private final Procedure<A> procedure;
        A value;

        Arguments(Procedure<A> procedure) {
            this.procedure = procedure;
        }

        @Override
        public void xdrDecode(XdrDecodingStream in) throws org.dcache.oncrpc4j.rpc.OncRpcException,
                java.io.IOException {
            value = procedure.decode(in);
        }

        @Override
        public void xdrEncode(XdrEncodingStream out) {
            throw new UnsupportedOperationException();
        }
    }
}
