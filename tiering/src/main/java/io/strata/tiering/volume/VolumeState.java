package io.strata.tiering.volume;

public enum VolumeState {
    /** Takes new data and serves reads. */
    ACTIVE,
    /** Serves reads; takes no new data; the mover empties it. */
    DRAINING,
    /** Its last access failed (a cloud endpoint down, a NAS unmounted); reads of its data answer "retry later". */
    UNREACHABLE
}
