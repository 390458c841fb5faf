package io.strata.nfs.server;

import io.strata.nfs.vfs.Caller;
import org.dcache.oncrpc4j.rpc.RpcAuth;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;

/** The RPC credential to a {@link Caller}: AUTH_SYS ids as sent (root squashed if configured), else anonymous. */
public final class CallerMapper {
    private final boolean rootSquash;
    private final Caller anonymous;

    public CallerMapper(boolean rootSquash, int anonUid, int anonGid) {
        this.rootSquash = rootSquash;
        this.anonymous = new Caller(anonUid, anonGid, new int[0]);
    }

    public Caller of(RpcAuth auth) {
        if (!(auth instanceof RpcAuthTypeUnix unix)) {
            return anonymous;
        }
        if (rootSquash && unix.uid() == 0) {
            return anonymous;
        }
        return new Caller(unix.uid(), unix.gid(), unix.gids() == null ? new int[0] : unix.gids());
    }
}
