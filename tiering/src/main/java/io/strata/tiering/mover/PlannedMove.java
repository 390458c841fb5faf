package io.strata.tiering.mover;

/**
 * One file a policy wants elsewhere: from the volume(s) holding it now to {@code toVolume}, because of the rule.
 * {@code reason} says in words why the rule matched (sizes and ages as evaluated).
 */
public record PlannedMove(String bucket, String path, long inodeId, long bytes, String fromVolume, String toVolume,
                          String rule, String reason) {
}
