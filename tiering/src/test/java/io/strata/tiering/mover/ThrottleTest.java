package io.strata.tiering.mover;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A throttle's job is to slow copies down, so these tests assert lower bounds on elapsed time only: a loaded
 * machine can make them slower, never wrongly faster.
 */
class ThrottleTest {
    private static final long MiB = 1L << 20;

    @Test
    void copyingTwentyMebibytesAtTenPerSecondTakesAboutTwoSeconds() throws InterruptedException {
        Throttle throttle = new Throttle(10 * MiB);
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            throttle.acquire(5 * MiB);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // 2 s minus the 200 ms burst an idle throttle may grant.
        assertTrue(millis >= 1800, "20 MiB at 10 MiB/s passed in " + millis + " ms");
    }

    @Test
    void theCapIsSharedByEveryCopyTogether() throws Exception {
        Throttle throttle = new Throttle(10 * MiB);
        Runnable copy = () -> {
            try {
                throttle.acquire(5 * MiB);
                throttle.acquire(5 * MiB);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        long start = System.nanoTime();
        Thread a = new Thread(copy);
        Thread b = new Thread(copy);
        a.start();
        b.start();
        a.join();
        b.join();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 1800, "two copies of 10 MiB each at 10 MiB/s together passed in " + millis + " ms");
    }

    @Test
    void zeroMeansUnlimited() {
        Throttle throttle = new Throttle(0);
        // A petabyte: any finite rate would make this wait for years.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 1000; i++) {
                throttle.acquire(1L << 50);
            }
        });
    }

    @Test
    void aNegativeRateAlsoMeansUnlimited() {
        Throttle throttle = new Throttle(-1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> throttle.acquire(1L << 50));
    }
}
