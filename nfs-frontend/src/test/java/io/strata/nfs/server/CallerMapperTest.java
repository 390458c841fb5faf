package io.strata.nfs.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.strata.nfs.vfs.Caller;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeNone;
import org.dcache.oncrpc4j.rpc.RpcAuthTypeUnix;
import org.junit.jupiter.api.Test;

class CallerMapperTest {
    @Test
    void authSysIdsPassThroughAndRootIsSquashedOnlyWhenAsked() {
        RpcAuthTypeUnix alice = new RpcAuthTypeUnix(1000, 100, new int[] {100, 27}, 0, "host");
        RpcAuthTypeUnix root = new RpcAuthTypeUnix(0, 0, new int[] {0}, 0, "host");
        CallerMapper plain = new CallerMapper(false, 65534, 65534);
        CallerMapper squash = new CallerMapper(true, 65534, 65534);
        Caller a = plain.of(alice);
        assertEquals(1000, a.uid());
        assertEquals(100, a.gid());
        assertArrayEquals(new int[] {100, 27}, a.groups());
        assertEquals(0, plain.of(root).uid());
        assertEquals(65534, squash.of(root).uid());
        assertEquals(65534, squash.of(root).gid());
        assertEquals(1000, squash.of(alice).uid(), "only root is squashed");
        assertEquals(65534, plain.of(new RpcAuthTypeNone()).uid(), "AUTH_NONE is anonymous");
    }
}
