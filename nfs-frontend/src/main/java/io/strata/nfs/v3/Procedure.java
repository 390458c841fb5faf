package io.strata.nfs.v3;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dcache.oncrpc4j.rpc.OncRpcException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * One NFSv3 procedure: how its arguments decode, what it does, and what its reply carries after the status.
 * {@link Nfs3Program} writes the status and turns an {@link NfsException} into the failure reply.
 */
public abstract class Procedure<A> {
    public abstract A decode(XdrDecodingStream in) throws OncRpcException, IOException;

    /** Does the work; returns the body of the NFS3_OK reply. */
    public abstract XdrWriter run(A args, NfsContext ctx) throws NfsException;

    /**
     * Starts the work; the stage completes with the body of the NFS3_OK reply or fails with the
     * {@link NfsException} to answer. Most procedures finish here ({@link AsyncProcedure} is the exception).
     */
    public CompletionStage<XdrWriter> start(A args, NfsContext ctx) throws NfsException {
        return CompletableFuture.completedFuture(run(args, ctx));
    }

    /** Whether {@link #start} returns without waiting for a transaction or a disk. */
    public boolean startsWithoutBlocking() {
        return false;
    }

    /** The body of a failed reply (the attributes RFC 1813 asks for even on failure, where they can be had). */
    public abstract XdrWriter failed(A args, NfsContext ctx);
}
