package io.strata.nfs.mount;

import java.io.IOException;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.metrics.NfsMetrics;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.vfs.Export;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.VirtualFileSystem;
import io.strata.nfs.xdr.Reply;
import io.strata.nfs.xdr.XdrReader;
import io.strata.nfs.xdr.XdrWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.dcache.oncrpc4j.rpc.RpcDispatchable;
import org.dcache.oncrpc4j.xdr.XdrAble;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MOUNT version 3 (program 100005, RFC 1813 5): MNT hands out the root handle of an export ("/" or "/bucket",
 * or any directory below), EXPORT lists every bucket, DUMP lists who mounted what (kept in memory only).
 */
public final class MountProgram implements RpcDispatchable {
    public static final int PROGRAM = 100005;
    public static final int VERSION = 3;
    private static final int MNTPATHLEN = 1024;
    private static final int AUTH_NONE = 0;
    private static final int AUTH_SYS = 1;
    private static final Logger LOG = LoggerFactory.getLogger(MountProgram.class);

    private final VirtualFileSystem fs;
    private final FileHandles handles;
    private final Set<Mount> mounts = ConcurrentHashMap.newKeySet();
    private final NfsMetrics metrics;

    record Mount(String host, String path) {
    }

    /** A reply body and its status (MOUNT's status values are a subset of NFS's, with the same numbers). */
    private record Answer(NfsStatus status, XdrWriter body) {
    }

    /** A program that records no metrics (a registry with nowhere to publish). */
    public MountProgram(VirtualFileSystem fs, FileHandles handles) {
        this(fs, handles, new NfsMetrics(new CompositeMeterRegistry()));
    }

    public MountProgram(VirtualFileSystem fs, FileHandles handles, NfsMetrics metrics) {
        this.fs = fs;
        this.handles = handles;
        this.metrics = metrics;
    }

    @Override
    public void dispatchOncRpcCall(RpcCall call) {
        int procedure = call.getProcedure();
        if (procedure < 0 || procedure > 5) {
            call.failProcedureUnavailable();
            return;
        }
        long start = System.nanoTime();
        NfsStatus status = serve(procedure, call);
        metrics.mount(procedure, status, System.nanoTime() - start);
    }

    /** Answers one call; returns its status, null when its arguments did not decode. */
    private NfsStatus serve(int procedure, RpcCall call) {
        switch (procedure) {
            case 1 -> {
                return withPath(call, path -> mnt(path, host(call)));
            }
            case 3 -> {
                return withPath(call, path -> {
                    mounts.remove(new Mount(host(call), path));
                    return new Answer(NfsStatus.OK, XdrWriter.NOTHING);
                });
            }
            case 0 -> call.reply(new Reply(XdrWriter.NOTHING));
            case 2 -> call.reply(new Reply(this::dump));
            case 4 -> {
                String host = host(call);
                mounts.removeIf(m -> m.host().equals(host));
                call.reply(new Reply(XdrWriter.NOTHING));
            }
            case 5 -> call.reply(new Reply(this::exports));
            default -> throw new IllegalArgumentException("no MOUNT procedure " + procedure);
        }
        return NfsStatus.OK;
    }

    private interface PathCall {
        Answer run(String path);
    }

    private NfsStatus withPath(RpcCall call, PathCall body) {
        PathArg arg = new PathArg();
        try {
            call.retrieveCall(arg);
        } catch (Exception e) {
            call.failRpcGarbage();
            return null;
        }
        Answer answer = body.run(arg.path);
        call.reply(new Reply(answer.body()));
        return answer.status();
    }

    private Answer mnt(String path, String host) {
        try {
            FileId root = fs.resolveExport(path);
            byte[] handle = handles.encode(root);
            mounts.add(new Mount(host, path));
            LOG.info("{} mounted {}", host, path);
            return new Answer(NfsStatus.OK, out -> {
                out.xdrEncodeInt(0);
                out.xdrEncodeDynamicOpaque(handle);
                out.xdrEncodeIntVector(new int[] {AUTH_SYS, AUTH_NONE});
            });
        } catch (NfsException e) {
            NfsStatus status = switch (e.status()) {
                case NOENT, ACCES, NOTDIR, INVAL, NAMETOOLONG, NOTSUPP -> e.status();
                case STALE, BADHANDLE -> NfsStatus.NOENT;
                default -> NfsStatus.SERVERFAULT;
            };
            LOG.info("{} could not mount {}: {}", host, path, e.getMessage());
            int code = status.code();
            return new Answer(status, out -> out.xdrEncodeInt(code));
        }
    }

    private void dump(XdrEncodingStream out) {
        for (Mount m : mounts) {
            out.xdrEncodeBoolean(true);
            out.xdrEncodeString(m.host());
            out.xdrEncodeString(m.path());
        }
        out.xdrEncodeBoolean(false);
    }

    private void exports(XdrEncodingStream out) {
        List<Export> exports = fs.exports();
        for (Export e : exports) {
            out.xdrEncodeBoolean(true);
            out.xdrEncodeDynamicOpaque(e.path().getBytes(StandardCharsets.UTF_8));
            out.xdrEncodeBoolean(false); // no groups: every client may mount it
        }
        out.xdrEncodeBoolean(false);
    }

    private static String host(RpcCall call) {
        InetSocketAddress remote = call.getTransport().getRemoteSocketAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** dirpath: a string of at most MNTPATHLEN bytes. */
    private static final class PathArg implements XdrAble {
        String path;

        @Override
        public void xdrDecode(XdrDecodingStream in) throws IOException {
            path = new String(XdrReader.opaque(in, MNTPATHLEN), StandardCharsets.UTF_8);
        }

        @Override
        public void xdrEncode(XdrEncodingStream out) {
            throw new UnsupportedOperationException();
        }
    }
}
