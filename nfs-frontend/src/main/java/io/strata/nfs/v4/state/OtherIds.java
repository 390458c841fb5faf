package io.strata.nfs.v4.state;

import io.strata.nfs.v4.StateId;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 12 "other" bytes of every stateid the server hands out, opens and locks alike: the server's start second
 * and a counter. One source for both tables, so an open and a lock never share an id, and an id from before a
 * restart is not mistaken for a live one.
 */
public final class OtherIds {
    private final int boot = (int) (System.currentTimeMillis() / 1000);
    private final AtomicLong counter = new AtomicLong();

    byte[] next() {
        return ByteBuffer.allocate(StateId.OTHER_BYTES).putInt(boot).putLong(counter.incrementAndGet()).array();
    }
}
