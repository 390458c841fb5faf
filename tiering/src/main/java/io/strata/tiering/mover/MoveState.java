package io.strata.tiering.mover;

public enum MoveState {
    QUEUED, COPYING, VERIFYING, SWITCHING, DONE,
    /** The file changed while it was copied, or a volume was unreachable: tried again after a back-off. */
    RETRYING,
    FAILED, CANCELLED;

    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
