package io.strata.tiering.control;

/** The four parts of tiering the admin API serves, handed to it together. */
public record TieringControl(VolumeControl volumes, PolicyControl policies, MoveControl moves,
                             PlacementControl placement) {
}
