package io.strata.tiering.volume;

import java.io.IOException;

/** Opens the volume a spec describes (a local directory, a cloud bucket). */
@FunctionalInterface
public interface VolumeFactory {
    Volume open(VolumeSpec spec) throws IOException;

    /** Checks before a volume is added that it can be used (a reachable bucket, a writable directory). */
    default void check(VolumeSpec spec) throws IOException {
    }
}
