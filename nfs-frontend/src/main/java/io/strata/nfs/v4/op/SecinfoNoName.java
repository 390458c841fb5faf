package io.strata.nfs.v4.op;

import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * SECINFO_NO_NAME and SECINFO (RFC 8881 18.45, 18.29): AUTH_SYS is the one flavour served. Both leave no current
 * file handle behind, as the RFC requires.
 */
public final class SecinfoNoName extends Operation<Void> {
    private static final int AUTH_SYS = 1;
    private final boolean named;

    public SecinfoNoName(boolean named) {
        this.named = named;
    }

    @Override
    public Void decode(XdrDecodingStream in) throws IOException {
        if (named) {
            Xdr4.utf8(in);
        } else {
            in.xdrDecodeInt(); // style: current handle or its parent, same answer
        }
        return null;
    }

    @Override
    public boolean quick() {
        return true;
    }

    @Override
    public XdrWriter run(Void none, CompoundState state) {
        state.current(null);
        return out -> {
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(AUTH_SYS);
        };
    }
}
