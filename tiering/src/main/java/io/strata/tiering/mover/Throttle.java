package io.strata.tiering.mover;

import java.util.concurrent.TimeUnit;

/** Caps the bytes per second of all moves together, so that moving never starves client traffic. */
final class Throttle {
    private final long bytesPerSecond;
    private long availableAtNanos = System.nanoTime();

    Throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Waits until {@code bytes} more may be copied. */
    void acquire(long bytes) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now - TimeUnit.MILLISECONDS.toNanos(200), availableAtNanos); // small burst
            availableAtNanos = start + bytes * 1_000_000_000L / bytesPerSecond;
            waitNanos = availableAtNanos - now;
        }
        if (waitNanos > 0) {
            TimeUnit.NANOSECONDS.sleep(waitNanos);
        }
    }
}
