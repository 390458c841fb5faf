package io.strata.nfs.server;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.IntPredicate;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a program's quick procedures (attribute reads, name lookups, and name changes that submit their transaction
 * without waiting for it) in the thread that read the call, and hands the others (transactions waited for, data
 * I/O, listings) to a worker pool.
 *
 * <p>Why: a hand-off is a thread wake-up, and a wake-up on another CPU is the largest part of a quick call's
 * latency when a client issues one call at a time (every {@code stat} of a shell loop, every step of {@code ls -l}).
 * A call that may block stays on the pool, so that it never holds up the calls read after it on the same connection,
 * and so that concurrent transactions still meet in one group commit. This class decides by procedure number (NFSv3,
 * MOUNT); NFSv4 decides per COMPOUND once it has decoded its operations ({@code Nfs4Program}).
 */
final class QuickOrPooled implements RpcDispatchable {
    private static final Logger LOG = LoggerFactory.getLogger(QuickOrPooled.class);

    private final RpcDispatchable program;
    private final IntPredicate quick;
    private final Executor pool;

    QuickOrPooled(RpcDispatchable program, IntPredicate quick, Executor pool) {
        this.program = program;
        this.quick = quick;
        this.pool = pool;
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) throws OncRpcException, IOException {
        if (quick.test(call.getProcedure())) {
            program.dispatchOncRpcCall(call);
        } else {
            pool.execute(() -> runPooled(call));
        }
    }

    /** What the RPC layer does for a call it runs itself: a failure still answers the caller. */
    private void runPooled(RpcCall call) {
        try {
            program.dispatchOncRpcCall(call);
        } catch (RpcException e) {
            call.reject(e.getStatus(), e.getRpcReply());
        } catch (IOException e) { // OncRpcException among them: the arguments did not decode
            LOG.warn("RPC call to program {} procedure {}: {}", call.getProgram(), call.getProcedure(), e.toString());
            call.failRpcGarbage();
        } catch (RuntimeException e) {
            LOG.error("RPC call to program {} procedure {} failed", call.getProgram(), call.getProcedure(), e);
            call.failRpcSystem();
        }
    }
}
