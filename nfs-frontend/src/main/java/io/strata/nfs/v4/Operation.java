package io.strata.nfs.v4;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * One NFSv4 operation of a COMPOUND: how its arguments decode, what it does to the compound's state, and what its
 * result carries after the status. {@link Nfs4Program} writes the opcode and status and turns exceptions into
 * the status.
 */
public abstract class Operation<A> {
    public abstract A decode(XdrDecodingStream in) throws IOException;

    /** Does the work; returns the body of the NFS4_OK result. */
    public abstract XdrWriter run(A args, CompoundState state) throws NfsException, Nfs4Exception;

    /**
     * Whether the operation only reads attributes, names or this server's in-memory state, so that a compound of
     * such operations answers at once and may run in the thread that read it (see {@link Nfs4Program}).
     */
    public boolean quick() {
        return false;
    }

    /** The body of a failed result: nothing, except for the few results that carry something even then. */
    public XdrWriter failed(A args, Nfs4Status status) {
        return XdrWriter.NOTHING;
    }
}
