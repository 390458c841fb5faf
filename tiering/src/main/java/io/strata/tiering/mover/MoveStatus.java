package io.strata.tiering.mover;

import java.time.Instant;

/** A move as the admin sees it; {@code bytesCopied} grows while it runs. */
public record MoveStatus(String id, PlannedMove plan, MoveState state, long bytesCopied, int attempts,
                         Instant queuedAt, Instant updatedAt, String error) {
}
