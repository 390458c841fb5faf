package io.strata.tiering.control;

import io.strata.tiering.placement.Placement;

/** Where the bytes of one file sit, and which rule put them there. */
public interface PlacementControl {
    /** @throws NotFoundException when the bucket or path does not exist */
    Placement of(String bucket, String path);
}
