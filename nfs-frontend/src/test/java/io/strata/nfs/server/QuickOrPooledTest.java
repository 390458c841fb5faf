package io.strata.nfs.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.strata.nfs.v3.Nfs3Program;
import java.util.ArrayList;
import java.util.List;
import org.dcache.oncrpc4j.rpc.RpcCall;
import org.junit.jupiter.api.Test;

class QuickOrPooledTest {
    private final List<Runnable> pooled = new ArrayList<>();
    private final List<Thread> ranIn = new ArrayList<>();
    private final QuickOrPooled routing = new QuickOrPooled(call -> ranIn.add(Thread.currentThread()),
            Nfs3Program::isQuick, pooled::add);

    private static RpcCall call(int procedure) {
        return new RpcCall(7, Nfs3Program.PROGRAM, Nfs3Program.VERSION, procedure, null, null, null);
    }

    @Test
    void attributeReadsRunInTheThreadThatReadTheCall() throws Exception {
        for (int procedure : new int[] {0, 1, 3, 4, 5, 18, 19, 20}) { // NULL GETATTR LOOKUP ACCESS READLINK FS*
            routing.dispatchOncRpcCall(call(procedure));
        }
        assertEquals(8, ranIn.size());
        ranIn.forEach(t -> assertSame(Thread.currentThread(), t));
        assertEquals(0, pooled.size());
    }

    @Test
    void callsThatMayBlockGoToThePool() throws Exception {
        // SETATTR READ WRITE CREATE MKDIR REMOVE RMDIR RENAME READDIR READDIRPLUS COMMIT
        int[] mayBlock = {2, 6, 7, 8, 9, 12, 13, 14, 16, 17, 21};
        for (int procedure : mayBlock) {
            routing.dispatchOncRpcCall(call(procedure));
        }
        assertEquals(0, ranIn.size(), "nothing ran in the reading thread");
        assertEquals(mayBlock.length, pooled.size());
        pooled.forEach(Runnable::run);
        assertEquals(mayBlock.length, ranIn.size());
    }
}
