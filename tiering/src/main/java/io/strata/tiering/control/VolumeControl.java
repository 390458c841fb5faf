package io.strata.tiering.control;

import io.strata.tiering.volume.VolumeInfo;
import io.strata.tiering.volume.VolumeSpec;

import java.util.List;

/** Volumes as the admin sees them. Specs persist in the namespace, so added volumes come back after a restart. */
public interface VolumeControl {
    List<VolumeInfo> list();

    /** @throws NotFoundException when no volume has the id */
    VolumeInfo get(String id);

    /** Adds and opens the volume; it takes data at once. @throws InvalidFieldException, ConflictException (id taken) */
    VolumeInfo add(VolumeSpec spec);

    /** Stops new data landing on the volume and asks the mover to empty it. */
    VolumeInfo drain(String id);

    /** Forgets the volume. @throws ConflictException while any file still has bytes on it */
    void remove(String id);
}
