package io.strata.nfs.xdr;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A direct buffer for the bytes of one READ reply, taken from a small pool and given back once the reply has been
 * written to the client's socket ({@link Payload#encode(org.dcache.oncrpc4j.xdr.XdrEncodingStream, ReadBuffer, int)}).
 *
 * <p>Why: a READ used to allocate a heap array per call, which the JVM zeroed, the JDK filled through a temporary
 * direct buffer of its own (pread cannot target the heap), and Grizzly copied into another direct buffer for the
 * socket write. A pooled direct buffer is filled by pread and handed to the socket write as it is: two copies of a
 * 1 MiB READ (file to buffer, buffer to socket) instead of four and a zeroing.
 *
 * <p>A buffer that is never given back (a reply that was never sent, or one encoded into memory) is simply left to
 * the garbage collector; the pool makes a new one when it runs dry. Giving one back twice is harmless.
 */
public final class ReadBuffer {
    /** The largest READ served (FSINFO's rtmax, the NFSv4 READ limit). */
    public static final int CAPACITY = 1 << 20;
    /** Buffers kept between calls: one per NFS worker, plus replies still being written. */
    private static final int POOLED = 48;
    private static final ArrayBlockingQueue<ByteBuffer> POOL = new ArrayBlockingQueue<>(POOLED);

    private final ByteBuffer bytes;
    private final AtomicBoolean givenBack = new AtomicBoolean();

    private ReadBuffer(ByteBuffer bytes) {
        this.bytes = bytes;
    }

    /** A buffer with room for {@code count} bytes (at most {@link #CAPACITY}): position 0, limit {@code count}. */
    public static ReadBuffer take(int count) {
        if (count < 0 || count > CAPACITY) {
            throw new IllegalArgumentException("read of " + count + " bytes, limit " + CAPACITY);
        }
        ByteBuffer b = POOL.poll();
        if (b == null) {
            b = ByteBuffer.allocateDirect(CAPACITY);
        }
        b.clear().limit(count);
        return new ReadBuffer(b);
    }

    /** Where the read puts its bytes; its contents before that are whatever an earlier read left. */
    public ByteBuffer bytes() {
        return bytes;
    }

    /** Returns the buffer to the pool; after this nothing may touch it. Only the first call counts. */
    public void giveBack() {
        if (givenBack.compareAndSet(false, true)) {
            POOL.offer(bytes);
        }
    }

    /** How many buffers wait in the pool (for tests of what gives them back). */
    static int pooled() {
        return POOL.size();
    }

    /** Bytes {@code [0, length)}, as a buffer of their own that the caller may move the position of. */
    ByteBuffer view(int length) {
        return bytes.duplicate().position(0).limit(length);
    }
}
