package io.strata.tiering.mover;

import java.time.Duration;

/**
 * @param interval        how often the policy is evaluated on its own (zero: only when asked)
 * @param bytesPerSecond  total copy bandwidth of all moves (0: unlimited)
 * @param concurrency     moves running at once
 * @param firstRetry      back-off before the first retry; doubled per attempt up to {@code maxRetryDelay}
 * @param maxAttempts     attempts before a move is given up as FAILED (a later evaluation queues it again)
 */
public record MoverSettings(Duration interval, long bytesPerSecond, int concurrency, Duration firstRetry,
                            Duration maxRetryDelay, int maxAttempts) {
    public static final MoverSettings DEFAULTS = new MoverSettings(Duration.ofMinutes(10), 0, 2,
            Duration.ofSeconds(1), Duration.ofMinutes(1), 30);
}
