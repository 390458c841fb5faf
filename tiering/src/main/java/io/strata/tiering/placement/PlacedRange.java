package io.strata.tiering.placement;

import io.strata.tiering.volume.Tier;

/** Bytes {@code [offset, offset+length)} of a file live on {@code volume} (tier {@code tier}) in data file {@code blob}. */
public record PlacedRange(long offset, long length, String volume, Tier tier, String blob) {
}
