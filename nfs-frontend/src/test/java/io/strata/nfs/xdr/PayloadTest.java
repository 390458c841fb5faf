package io.strata.nfs.xdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.glassfish.grizzly.Buffer;
import org.junit.jupiter.api.Test;

class PayloadTest {
    private static final byte[] DATA = {1, 2, 3, 4, 5};

    @Test
    void aReadBufferJoinsTheReplyAsAPaddedOpaqueWithoutBeingCopied() throws Exception {
        ReadBuffer data = filled(DATA);
        Xdr xdr = new Xdr(Xdr.INITIAL_XDR_SIZE);
        xdr.beginEncoding();
        xdr.xdrEncodeInt(7);
        Payload.encode(xdr, data, DATA.length);
        xdr.endEncoding();

        assertArrayEquals(new byte[] {0, 0, 0, 7, 0, 0, 0, 5, 1, 2, 3, 4, 5, 0, 0, 0}, xdr.getBytes());
        data.bytes().put(0, (byte) 9);
        assertEquals(9, xdr.getBytes()[8], "the reply refers to the buffer: no copy was made");
    }

    @Test
    void anEmptyReadEncodesAsAZeroLengthOpaque() throws Exception {
        ReadBuffer data = ReadBuffer.take(0);
        Xdr xdr = new Xdr(Xdr.INITIAL_XDR_SIZE);
        xdr.beginEncoding();
        xdr.xdrEncodeBoolean(true); // eof
        Payload.encode(xdr, data, 0);
        xdr.xdrEncodeInt(9); // what a compound encodes after READ
        xdr.endEncoding();
        assertArrayEquals(new byte[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9}, xdr.getBytes());
    }

    @Test
    void theBufferGoesBackToThePoolOnceTheSentReplyIsDisposedAndOnlyOnce() throws Exception {
        ReadBuffer data = filled(DATA);
        Xdr xdr = new Xdr(Xdr.INITIAL_XDR_SIZE);
        xdr.beginEncoding();
        Payload.encode(xdr, data, DATA.length);
        xdr.endEncoding();
        int before = ReadBuffer.pooled();

        Buffer reply = xdr.asBuffer();
        reply.allowBufferDispose(true);
        reply.tryDispose(); // what Grizzly does once it has written a reply
        assertEquals(before + 1, ReadBuffer.pooled(), "back in the pool");
        data.giveBack();
        assertEquals(before + 1, ReadBuffer.pooled(), "a second give-back does not pool it twice");
    }

    @Test
    void onAnyOtherStreamTheBytesAreCopied() {
        ReadBuffer data = filled(DATA);
        byte[][] copied = new byte[1][];
        XdrEncodingStream other = (XdrEncodingStream) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {XdrEncodingStream.class}, (proxy, method, args) -> {
                    assertEquals("xdrEncodeByteBuffer", method.getName(), "the one call expected");
                    ByteBuffer buf = (ByteBuffer) args[0];
                    copied[0] = new byte[buf.remaining()];
                    buf.get(copied[0]);
                    return null;
                });
        Payload.encode(other, data, 3);
        assertArrayEquals(new byte[] {1, 2, 3}, copied[0]);
        assertEquals(DATA.length, data.bytes().position(), "the buffer itself is not moved");
    }

    @Test
    void aBufferHoldsAtMostTheLargestRead() {
        assertEquals(1 << 20, ReadBuffer.take(ReadBuffer.CAPACITY).bytes().limit());
        assertEquals(4096, ReadBuffer.take(4096).bytes().remaining());
        assertThrows(IllegalArgumentException.class, () -> ReadBuffer.take(ReadBuffer.CAPACITY + 1));
        assertEquals(io.strata.nfs.v3.proc.Fsinfo3.MAX_IO, ReadBuffer.CAPACITY, "FSINFO promises what READ serves");
    }

    private static ReadBuffer filled(byte[] bytes) {
        ReadBuffer b = ReadBuffer.take(bytes.length);
        b.bytes().put(bytes);
        return b;
    }
}
