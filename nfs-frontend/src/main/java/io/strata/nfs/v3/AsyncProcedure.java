package io.strata.nfs.v3;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.vfs.Completions;
import io.strata.nfs.xdr.XdrWriter;
import java.util.concurrent.CompletionStage;

/**
 * A procedure whose change answers later: {@link #start} reads and checks what it needs (attributes, permissions)
 * and submits the change without waiting for it; the reply is built in the thread that commits the change. The
 * thread that read the call can therefore run it, and no thread is parked per call while its transaction waits for
 * its batch: name changes arrive by the thousand ({@code rm -r}, an untar), and the two thread switches each such
 * wait cost were a fifth of the server's CPU.
 */
public abstract class AsyncProcedure<A> extends Procedure<A> {
    /** Its steps before the change read only what is kept in memory or cached: nothing there waits. */
    @Override
    public final boolean startsWithoutBlocking() {
        return true;
    }

    @Override
    public abstract CompletionStage<XdrWriter> start(A args, NfsContext ctx) throws NfsException;

    @Override
    public final XdrWriter run(A args, NfsContext ctx) throws NfsException {
        return Completions.await(start(args, ctx));
    }
}
