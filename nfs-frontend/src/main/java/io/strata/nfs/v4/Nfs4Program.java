package io.strata.nfs.v4;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.metrics.NfsMetrics;
import io.strata.nfs.server.CallerMapper;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.DataReply;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v4.state.Slot;
import io.strata.nfs.vfs.VirtualFileSystem;
import io.strata.nfs.xdr.Reply;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.dcache.oncrpc4j.xdr.XdrVoid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NFS version 4, minor versions 1 and 2 (program 100003, RFC 8881 and RFC 7862): NULL and COMPOUND. Runs a
 * compound's operations in order until one fails, and is the one place where exceptions become statuses.
 * The session rules live here too: SEQUENCE first, or one of the operations that make a session, alone.
 */
public final class Nfs4Program implements RpcDispatchable {
    public static final int PROGRAM = 100003;
    public static final int VERSION = 4;
    private static final Logger LOG = LoggerFactory.getLogger(Nfs4Program.class);
    /** More operations than any client sends in one compound: the rest is not even decoded. */
    static final int MAX_DECODED_OPS = 128;

    private final VirtualFileSystem fs;
    private final FileHandles handles;
    private final CallerMapper callers;
    private final NfsMetrics metrics;
    private final ServerState server;
    private final Executor mayBlock;

    /** A program that runs every compound in the calling thread and records no metrics (for tests). */
    public Nfs4Program(VirtualFileSystem fs, FileHandles handles, CallerMapper callers) {
        this(fs, handles, callers, new NfsMetrics(new CompositeMeterRegistry()), ServerState.fresh(), Runnable::run);
    }

    /**
     * @param mayBlock where a compound runs unless all its operations are quick: those run in the thread that read
     *                 the call (the reasons are {@code QuickOrPooled}'s)
     */
    public Nfs4Program(VirtualFileSystem fs, FileHandles handles, CallerMapper callers, NfsMetrics metrics,
                       ServerState server, Executor mayBlock) {
        this.fs = fs;
        this.handles = handles;
        this.callers = callers;
        this.metrics = metrics;
        this.server = server;
        this.mayBlock = mayBlock;
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) {
        switch (call.getProcedure()) {
            case 0 -> call.reply(XdrVoid.XDR_VOID);
            case 1 -> {
                Arguments args = new Arguments();
                try {
                    call.retrieveCall(args);
                } catch (Exception e) {
                    LOG.debug("COMPOUND header does not decode: {}", e.toString());
                    call.failRpcGarbage();
                    return;
                }
                NfsContext ctx = new NfsContext(fs, handles, callers.of(call.getCredential()));
                Compound compound = args.value;
                if (compound.quick()) {
                    call.reply(new Reply(run(compound, ctx)));
                } else {
                    mayBlock.execute(() -> runPooled(call, compound, ctx));
                }
            }
            default -> call.failProcedureUnavailable();
        }
    }

    private void runPooled(RpcCall call, Compound compound, NfsContext ctx) {
        try {
            call.reply(new Reply(run(compound, ctx)));
        } catch (RuntimeException e) {
            LOG.error("COMPOUND failed outside its operations", e);
            call.failRpcSystem();
        }
    }

    /** Runs a decoded COMPOUND and returns its whole reply body. */
    public XdrWriter run(Compound compound, NfsContext ctx) {
        if (compound.minorVersion() != 1 && compound.minorVersion() != 2) {
            return reply(Nfs4Status.MINOR_VERS_MISMATCH, compound.tag(), List.of());
        }
        CompoundState state = new CompoundState(ctx, server, compound.minorVersion(), compound.size());
        List<XdrWriter> results = new ArrayList<>();
        Nfs4Status last = Nfs4Status.OK;
        try {
            for (int i = 0; i < compound.ops().size() && last == Nfs4Status.OK; i++) {
                Compound.Decoded<?> op = compound.ops().get(i);
                Nfs4Status misplaced = sessionRule(i, op.opcode(), compound.size());
                if (misplaced != null) {
                    last = misplaced;
                    results.add(result(op.opcode(), last, XdrWriter.NOTHING));
                } else {
                    OpResult r = execute(op, state);
                    last = r.status();
                    results.add(result(op.opcode(), last, r.body()));
                }
            }
            if (last == Nfs4Status.OK && compound.stop() != null) {
                last = compound.stop().status();
                results.add(result(compound.stop().opcode(), last, XdrWriter.NOTHING));
            }
        } catch (CachedReply replay) {
            byte[] bytes = replay.reply();
            return out -> out.xdrEncodeOpaque(bytes, bytes.length);
        }
        XdrWriter reply = reply(last, compound.tag(), results);
        Slot slot = state.slot();
        if (slot == null) {
            return reply;
        }
        if (!state.cacheThis()) {
            slot.done(null);
            return reply;
        }
        byte[] bytes = null;
        try {
            bytes = encode(reply);
        } finally {
            // A reply larger than the session agreed to cache is sent but not kept: a replay of it gets
            // RETRY_UNCACHED_REP, and a client cannot make the server hold megabytes per slot.
            boolean fits = bytes != null && bytes.length <= state.session().fore().maxResponseSizeCached();
            slot.done(fits ? bytes : null);
        }
        byte[] cached = bytes;
        return out -> out.xdrEncodeOpaque(cached, cached.length);
    }

    /** Where SEQUENCE and the session-making operations may stand in a compound (RFC 8881 2.10.6, 18.46.3). */
    private static Nfs4Status sessionRule(int index, int opcode, int size) {
        boolean sessionless = Operations.makesSession(opcode);
        if (index == 0 && !sessionless && opcode != Operations.SEQUENCE) {
            return Nfs4Status.OP_NOT_IN_SESSION;
        }
        if (index == 0 && sessionless && size > 1) {
            return Nfs4Status.NOT_ONLY_OP;
        }
        if (index > 0 && opcode == Operations.SEQUENCE) {
            return Nfs4Status.SEQUENCE_POS;
        }
        return null;
    }

    private record OpResult(Nfs4Status status, XdrWriter body) {
    }

    private <A> OpResult execute(Compound.Decoded<A> op, CompoundState state) throws CachedReply {
        long start = System.nanoTime();
        Nfs4Status status;
        XdrWriter body;
        try {
            body = op.operation().run(op.args(), state);
            status = Nfs4Status.OK;
        } catch (CachedReply replay) {
            throw replay;
        } catch (NfsException e) {
            status = Nfs4Status.of(e.status());
            LOG.debug("NFSv4 {}: {} ({})", Operations.name(op.opcode()), status, e.getMessage());
            body = op.operation().failed(op.args(), status);
        } catch (Nfs4Exception e) {
            status = e.status();
            LOG.debug("NFSv4 {}: {} ({})", Operations.name(op.opcode()), status, e.getMessage());
            body = e.body() != null ? e.body() : op.operation().failed(op.args(), status);
        } catch (RuntimeException e) {
            LOG.error("NFSv4 {} failed", Operations.name(op.opcode()), e);
            status = Nfs4Status.SERVERFAULT;
            body = op.operation().failed(op.args(), status);
        }
        metrics.nfs4(Operations.name(op.opcode()), status.name(), System.nanoTime() - start);
        if (body instanceof DataReply d) {
            if (d.written()) {
                metrics.bytesWritten(d.bytes());
            } else {
                metrics.bytesRead(d.bytes());
            }
        }
        return new OpResult(status, body);
    }

    private static XdrWriter result(int opcode, Nfs4Status status, XdrWriter body) {
        return out -> {
            out.xdrEncodeInt(opcode);
            out.xdrEncodeInt(status.code());
            if (status == Nfs4Status.OK || body != XdrWriter.NOTHING) {
                body.write(out);
            }
        };
    }

    private static XdrWriter reply(Nfs4Status status, byte[] tag, List<XdrWriter> results) {
        return out -> {
            out.xdrEncodeInt(status.code());
            out.xdrEncodeDynamicOpaque(tag);
            out.xdrEncodeInt(results.size());
            for (XdrWriter r : results) {
                r.write(out);
            }
        };
    }

    private static byte[] encode(XdrWriter writer) {
        try {
            Xdr xdr = new Xdr(Xdr.INITIAL_XDR_SIZE);
            xdr.beginEncoding();
            writer.write(xdr);
            xdr.endEncoding();
            return xdr.getBytes();
        } catch (IOException e) {
            throw new IllegalStateException("encoding a reply into memory failed", e);
        }
    }

    /** Captures the decoded compound (oncrpc4j decodes into an {@link XdrAble}). */
    private static final class Arguments implements XdrAble {
        Compound value;

        @Override
        public void xdrDecode(XdrDecodingStream in) throws OncRpcException, IOException {
            value = Compound.decode(in);
        }

        @Override
        public void xdrEncode(XdrEncodingStream out) {
            throw new UnsupportedOperationException();
        }
    }
}
