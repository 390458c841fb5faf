package io.strata.tiering.placement;

import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a file's published bytes sit, in short: the tiers and volumes that hold them (in file-offset order, each
 * once) and the S3 storage class that follows. What NFS shows as extended attributes; the admin API's placement
 * has the byte ranges.
 *
 * @param tiers lower-case tier names ("nvme", "nas", "cloud", "metadata" for bytes kept inline)
 */
public record Residence(List<String> tiers, List<String> volumes, String storageClass) {

    public static Residence of(Inode inode, VolumeRegistry volumes) {
        List<String> tiers = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Extent e : inode.extents()) {
            String volume = e.blob().volumeId();
            Tier t = StorageClasses.tierOf(volume, volumes);
            addOnce(tiers, t.name().toLowerCase(Locale.ROOT));
            addOnce(ids, volume);
        }
        return new Residence(List.copyOf(tiers), List.copyOf(ids), StorageClasses.of(inode, volumes));
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
