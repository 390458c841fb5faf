package io.strata.tiering.mover;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** One queued or running move and its progress; {@link #status()} is what the admin sees. */
final class MoveTask {
    final String id;
    final PlannedMove plan;
    final Instant queuedAt = Instant.now();
    final AtomicLong copied = new AtomicLong();
    volatile MoveState state = MoveState.QUEUED;
    volatile int attempts;
    volatile Instant updatedAt = queuedAt;
    volatile String error;
    volatile boolean cancelled;

    MoveTask(String id, PlannedMove plan) {
        this.id = id;
        this.plan = plan;
    }

    void set(MoveState s, String err) {
        state = s;
        error = err;
        updatedAt = Instant.now();
    }

    MoveStatus status() {
        return new MoveStatus(id, plan, state, copied.get(), attempts, queuedAt, updatedAt, error);
    }
}
