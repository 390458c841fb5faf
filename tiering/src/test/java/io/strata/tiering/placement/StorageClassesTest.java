package io.strata.tiering.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.meta.model.PosixAttrs;
import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.StubVolume;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeRegistry;
import io.strata.tiering.volume.VolumeUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StorageClassesTest {
    private final VolumeRegistry volumes = new VolumeRegistry();

    StorageClassesTest() {
        volumes.add(StubVolume.of("nvme-1", Tier.NVME));
        volumes.add(StubVolume.of("nas-1", Tier.NAS));
        volumes.add(StubVolume.of("cold", Tier.CLOUD));
    }

    private static Inode fileOn(String... volumeIds) {
        List<Extent> extents = new ArrayList<>();
        for (int i = 0; i < volumeIds.length; i++) {
            extents.add(new Extent(i * 10L, 10, new BlobRef(volumeIds[i], "b" + i), 0));
        }
        return new Inode(7, InodeType.FILE, 1, 0, 1, volumeIds.length * 10L, new PosixAttrs(0644, 0, 0, 1, 0, 0, 0),
                null, extents, null);
    }

    @Test
    void eachTierHasItsDocumentedClass() {
        assertEquals("STANDARD", StorageClasses.of(Tier.NVME));
        assertEquals("STANDARD", StorageClasses.of(Tier.METADATA));
        assertEquals("STANDARD_IA", StorageClasses.of(Tier.NAS));
        assertEquals("GLACIER_IR", StorageClasses.of(Tier.CLOUD));
        assertEquals(StorageClasses.STANDARD, StorageClasses.of(Tier.NVME));
    }

    @Test
    void aFileWhollyOnOneTierShowsThatTiersClass() {
        assertEquals("STANDARD", StorageClasses.of(fileOn("nvme-1"), volumes));
        assertEquals("STANDARD_IA", StorageClasses.of(fileOn("nas-1"), volumes));
        assertEquals("GLACIER_IR", StorageClasses.of(fileOn("cold"), volumes));
        assertEquals("STANDARD", StorageClasses.of(fileOn(BlobRef.INLINE_VOLUME), volumes));
    }

    @Test
    void theColdestTierHoldingAnyByteDecides() {
        assertEquals(Tier.CLOUD, StorageClasses.coldestTier(fileOn("nvme-1", "cold", "nas-1"), volumes));
        assertEquals(Tier.NAS, StorageClasses.coldestTier(fileOn("nas-1", "nvme-1"), volumes));
        assertEquals(Tier.NAS, StorageClasses.coldestTier(fileOn(BlobRef.INLINE_VOLUME, "nas-1"), volumes));
        assertEquals("GLACIER_IR", StorageClasses.of(fileOn("cold", "nvme-1"), volumes));
    }

    @Test
    void anEmptyFileIsNvme() {
        assertEquals(Tier.NVME, StorageClasses.coldestTier(fileOn(), volumes));
        assertEquals("STANDARD", StorageClasses.of(fileOn(), volumes));
    }

    @Test
    void inlineBytesAreAsFastAsNvme() {
        assertEquals(Tier.METADATA, StorageClasses.tierOf(BlobRef.INLINE_VOLUME, volumes));
        assertEquals(Tier.NVME, StorageClasses.coldestTier(fileOn(BlobRef.INLINE_VOLUME, "nvme-1"), volumes));
    }

    @Test
    void aVolumeNoLongerKnownCountsAsNvme() {
        assertEquals(Tier.NVME, StorageClasses.tierOf("removed", volumes));
        assertEquals(Tier.NAS, StorageClasses.coldestTier(fileOn("removed", "nas-1"), volumes));
    }
}
