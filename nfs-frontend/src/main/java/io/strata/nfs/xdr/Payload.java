package io.strata.nfs.xdr;

import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.glassfish.grizzly.memory.ByteBufferWrapper;

/** File bytes in a reply (READ's data): an XDR opaque that the reply refers to instead of copying, when it can. */
public final class Payload {
    private Payload() {
    }

    /**
     * Encodes bytes {@code [0, length)} of {@code data} as a variable-length opaque. On oncrpc4j's own stream the
     * buffer joins the reply as one more part, and goes back to its pool once Grizzly has written the reply (Grizzly
     * disposes a written reply's parts). On any other stream the bytes are copied and the buffer is left alone.
     */
    public static void encode(XdrEncodingStream out, ReadBuffer data, int length) {
        if (out instanceof Xdr xdr) {
            ReturnedOnDispose part = new ReturnedOnDispose(data, length);
            part.allowBufferDispose(true);
            xdr.xdrEncodeShallowByteBuffer(part);
        } else {
            out.xdrEncodeByteBuffer(data.view(length));
        }
    }

    /** A Grizzly view of a {@link ReadBuffer} that gives it back when the written reply is disposed. */
    private static final class ReturnedOnDispose extends ByteBufferWrapper {
        private final ReadBuffer owner;
        private boolean disposed;

        ReturnedOnDispose(ReadBuffer owner, int length) {
            super(owner.view(length));
            this.owner = owner;
        }

        @Override
        public void dispose() {
            // A reply's parts may be disposed through more than one composite; the second time is a no-op, not
            // Grizzly's "already disposed" error.
            synchronized (this) {
                if (disposed) {
                    return;
                }
                disposed = true;
            }
            super.dispose();
            owner.giveBack();
        }
    }
}
