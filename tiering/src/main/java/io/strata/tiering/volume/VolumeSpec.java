package io.strata.tiering.volume;

/**
 * What an admin gives to add a volume: a local directory ({@code path}, tier nvme or nas) or a cloud bucket
 * ({@code cloud}, tier cloud). Exactly one of the two is set.
 */
public record VolumeSpec(String id, Tier tier, String path, CloudSpec cloud) {
    public boolean isCloud() {
        return cloud != null;
    }

    public VolumeSpec redacted() {
        return cloud == null ? this : new VolumeSpec(id, tier, path, cloud.redacted());
    }
}
