package io.strata.tiering.volume;

/**
 * A volume as the admin sees it. {@code usedBytes} counts what the volume holds (for a local directory, the
 * blobs; for a cloud bucket, what Strata wrote under its prefix); capacity is -1 where a cloud bucket has none.
 */
public record VolumeInfo(VolumeSpec spec, VolumeState state, long capacityBytes, long usedBytes, long freeBytes,
                         String lastError) {
    public String id() {
        return spec.id();
    }

    public Tier tier() {
        return spec.tier();
    }
}
