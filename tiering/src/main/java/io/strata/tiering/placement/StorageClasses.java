package io.strata.tiering.placement;

import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeRegistry;

/**
 * The S3 storage class shown for a file, from where its bytes sit: the coldest tier holding any of them, since that
 * is what decides how fast a whole read is. Names are AWS's, picked for what a client may expect of the latency:
 * <ul>
 *   <li>nvme and metadata (small objects kept inline): {@code STANDARD}</li>
 *   <li>nas: {@code STANDARD_IA}</li>
 *   <li>cloud: {@code GLACIER_IR} (instant retrieval: reads stream through, nothing to restore first; aws-cli and
 *       boto3 download such objects without a restore step, unlike {@code GLACIER})</li>
 * </ul>
 */
public final class StorageClasses {
    public static final String STANDARD = "STANDARD";

    private StorageClasses() {
    }

    public static String of(Tier tier) {
        return switch (tier) {
            case NVME, METADATA -> STANDARD;
            case NAS -> "STANDARD_IA";
            case CLOUD -> "GLACIER_IR";
        };
    }

    /** The coldest tier holding a byte of the inode (nvme for an empty file). */
    public static Tier coldestTier(Inode inode, VolumeRegistry volumes) {
        Tier coldest = Tier.NVME;
        for (Extent e : inode.extents()) {
            Tier t = tierOf(e.blob().volumeId(), volumes);
            if (rank(t) > rank(coldest)) {
                coldest = t;
            }
        }
        return coldest;
    }

    public static String of(Inode inode, VolumeRegistry volumes) {
        return of(coldestTier(inode, volumes));
    }

    /** A volume no longer known is shown as the default class rather than failing a GET. */
    static Tier tierOf(String volumeId, VolumeRegistry volumes) {
        Tier t = volumes.tierOf(volumeId);
        return t == null ? Tier.NVME : t;
    }

    private static int rank(Tier t) {
        return switch (t) {
            case METADATA -> 0;
            case NVME -> 1;
            case NAS -> 2;
            case CLOUD -> 3;
        };
    }
}
