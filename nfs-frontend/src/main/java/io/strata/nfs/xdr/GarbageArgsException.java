package io.strata.nfs.xdr;

import org.dcache.oncrpc4j.rpc.OncRpcException;

/** Arguments that do not decode (a length past its limit, an unknown enum value): the call gets GARBAGE_ARGS. */
public final class GarbageArgsException extends OncRpcException {
    public GarbageArgsException(String message) {
        super(message);
    }
}
