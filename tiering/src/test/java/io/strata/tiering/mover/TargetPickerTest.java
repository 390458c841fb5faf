package io.strata.tiering.mover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.meta.model.PosixAttrs;
import io.strata.tiering.policy.Decision;
import io.strata.tiering.policy.Match;
import io.strata.tiering.policy.Rule;
import io.strata.tiering.policy.Target;
import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeRegistry;
import io.strata.tiering.volume.VolumeUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetPickerTest {
    private static final long GiB = 1L << 30;

    /** Only what the picker asks of a volume: who it is and how much room it has. */
    private record FakeVolume(String id, Tier tier, VolumeUsage space) implements Volume {
        static FakeVolume local(String id, Tier tier, long freeBytes) {
            return new FakeVolume(id, tier, new VolumeUsage(100 * GiB, freeBytes));
        }

        static FakeVolume cloud(String id) {
            return new FakeVolume(id, Tier.CLOUD, VolumeUsage.unbounded(5 * GiB));
        }

        @Override
        public VolumeUsage usage() throws IOException {
            if (space == null) {
                throw new IOException("NAS unmounted");
            }
            return space;
        }

        @Override
        public BlobWriter create(String blobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(String blobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BlobReader open(String blobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String blobId) {
            throw new UnsupportedOperationException();
        }
    }

    private final VolumeRegistry volumes = new VolumeRegistry();

    private TargetPickerTest with(Volume... vs) {
        for (Volume v : vs) {
            volumes.add(v);
        }
        return this;
    }

    /** A file of {@code 100} bytes per volume named, one extent on each, in order. */
    private static Inode fileOn(String... volumeIds) {
        List<Extent> extents = new ArrayList<>();
        for (int i = 0; i < volumeIds.length; i++) {
            extents.add(new Extent(i * 100L, 100, new BlobRef(volumeIds[i], "blob" + i), 0));
        }
        return inode(volumeIds.length * 100L, extents);
    }

    private static Inode inode(long size, List<Extent> extents) {
        return new Inode(42, InodeType.FILE, 1, 0, 3, size, new PosixAttrs(0644, 0, 0, 1, 0, 0, 0), null,
                extents, null);
    }

    private static Decision rule(Target target) {
        return new Decision(0, new Rule("r", Match.ANY, target), "test");
    }

    private Volume pick(Inode inode, Decision d) {
        return new TargetPicker(volumes).pick(inode, d);
    }

    @Test
    void aFileAlreadyOnTheTargetTierStays() {
        with(FakeVolume.local("nas-1", Tier.NAS, GiB), FakeVolume.local("nas-2", Tier.NAS, 50 * GiB));
        assertNull(pick(fileOn("nas-1"), rule(Target.tier(Tier.NAS))), "a roomier volume of the same tier is no reason");
        assertNull(pick(fileOn("nas-1", "nas-2"), rule(Target.tier(Tier.NAS))));
    }

    @Test
    void aFileOnAnotherTierGoesToTheRoomiestVolumeOfTheTargetTier() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, 2 * GiB),
                FakeVolume.local("nas-2", Tier.NAS, 9 * GiB), FakeVolume.local("nas-3", Tier.NAS, 4 * GiB));
        assertEquals("nas-2", pick(fileOn("nvme-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void aDrainingVolumeIsNeverChosenHoweverRoomy() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, 2 * GiB),
                FakeVolume.local("nas-2", Tier.NAS, 90 * GiB));
        volumes.setDraining("nas-2", true);
        assertEquals("nas-1", pick(fileOn("nvme-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void aFileSpreadOverTiersMovesToGatherOnTheTargetTier() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, GiB));
        assertEquals("nas-1", pick(fileOn("nas-1", "nvme-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void aCloudBucketCountsAsUnlimitedSpace() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.cloud("cold"));
        assertEquals("cold", pick(fileOn("nvme-1"), rule(Target.tier(Tier.CLOUD))).id());
    }

    @Test
    void aVolumeWhoseSpaceCannotBeReadIsChosenOnlyWhenNothingElseIs() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), new FakeVolume("nas-down", Tier.NAS, null),
                FakeVolume.local("nas-full", Tier.NAS, 0));
        assertEquals("nas-full", pick(fileOn("nvme-1"), rule(Target.tier(Tier.NAS))).id());

        VolumeRegistry onlyDown = new VolumeRegistry();
        onlyDown.add(FakeVolume.local("nvme-1", Tier.NVME, GiB));
        onlyDown.add(new FakeVolume("nas-down", Tier.NAS, null));
        // Its move fails and is retried later: better than never honouring the rule.
        assertEquals("nas-down", new TargetPicker(onlyDown).pick(fileOn("nvme-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void noVolumeOfTheTargetTierLeavesTheFile() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB));
        assertNull(pick(fileOn("nvme-1"), rule(Target.tier(Tier.CLOUD))));
    }

    @Test
    void aTargetVolumeIsChosenUnlessTheFileIsAlreadyWhollyThere() {
        FakeVolume nas1 = FakeVolume.local("nas-1", Tier.NAS, GiB);
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), nas1, FakeVolume.local("nas-2", Tier.NAS, 50 * GiB));
        assertSame(nas1, pick(fileOn("nvme-1"), rule(Target.volume("nas-1"))));
        assertSame(nas1, pick(fileOn("nas-2"), rule(Target.volume("nas-1"))), "a named volume, not any of its tier");
        assertSame(nas1, pick(fileOn("nas-1", "nvme-1"), rule(Target.volume("nas-1"))));
        assertNull(pick(fileOn("nas-1"), rule(Target.volume("nas-1"))));
    }

    @Test
    void aMissingOrDrainingTargetVolumeLeavesTheFile() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, GiB));
        assertNull(pick(fileOn("nvme-1"), rule(Target.volume("gone"))));
        volumes.setDraining("nas-1", true);
        assertNull(pick(fileOn("nvme-1"), rule(Target.volume("nas-1"))));
    }

    @Test
    void aPinnedFileStays() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, GiB));
        assertNull(pick(fileOn("nas-1"), rule(Target.pin())));
        assertNull(pick(fileOn("nas-1", "nvme-1"), rule(Target.pin())));
    }

    @Test
    void aPinnedFileOnADrainingVolumeStillLeavesIt() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, GiB),
                FakeVolume.local("nas-2", Tier.NAS, 2 * GiB));
        volumes.setDraining("nas-1", true);
        assertEquals("nas-2", pick(fileOn("nas-1"), rule(Target.pin())).id());
    }

    @Test
    void withoutARuleAFileStays() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, GiB));
        assertNull(pick(fileOn("nas-1"), Decision.NONE));
    }

    @Test
    void withoutARuleAFileOnADrainingVolumeMovesToAnotherVolumeOfItsTier() {
        with(FakeVolume.local("nvme-1", Tier.NVME, 80 * GiB), FakeVolume.local("nas-1", Tier.NAS, GiB),
                FakeVolume.local("nas-2", Tier.NAS, 2 * GiB), FakeVolume.local("nas-3", Tier.NAS, 3 * GiB));
        volumes.setDraining("nas-1", true);
        assertEquals("nas-3", pick(fileOn("nas-1"), Decision.NONE).id());
    }

    @Test
    void withoutARuleAFileOnTheLastDrainingVolumeOfItsTierMovesToWhereWritesLand() {
        with(FakeVolume.local("nas-1", Tier.NAS, 50 * GiB), FakeVolume.local("nvme-1", Tier.NVME, GiB),
                FakeVolume.local("nvme-2", Tier.NVME, 9 * GiB), FakeVolume.cloud("cold"));
        volumes.setDraining("cold", true);
        // The write target is the first nvme volume, not the roomiest: evacuation follows the write path.
        assertEquals("nvme-1", pick(fileOn("cold"), Decision.NONE).id());
    }

    @Test
    void aFileOnADrainingVolumeOfItsTargetTierMovesWithinTheTier() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, 9 * GiB),
                FakeVolume.local("nas-2", Tier.NAS, GiB));
        volumes.setDraining("nas-1", true);
        assertEquals("nas-2", pick(fileOn("nas-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void aFileOnADrainingVolumeWhoseTargetVolumeIsGoneIsEvacuated() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, GiB));
        volumes.setDraining("nas-1", true);
        assertEquals("nvme-1", pick(fileOn("nas-1"), rule(Target.volume("gone"))).id());
    }

    @Test
    void whenEveryLocalVolumeDrainsAnEvacuationHasNowhereToGo() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB));
        volumes.setDraining("nvme-1", true);
        assertNull(pick(fileOn("nvme-1"), Decision.NONE));
    }

    @Test
    void inlineBytesCountAsNvme() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, GiB));
        Inode small = fileOn(BlobRef.INLINE_VOLUME);
        assertNull(pick(small, rule(Target.tier(Tier.NVME))), "inline bytes are as fast as nvme: nothing to gain");
        assertEquals("nas-1", pick(small, rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void anEmptyFileHasNothingToMove() {
        with(FakeVolume.local("nvme-1", Tier.NVME, GiB), FakeVolume.local("nas-1", Tier.NAS, GiB));
        volumes.setDraining("nvme-1", true);
        assertNull(pick(inode(0, List.of()), rule(Target.tier(Tier.NAS))));
        // A sparse file of holes only has no bytes on any volume either.
        assertNull(pick(inode(1 << 20, List.of()), rule(Target.tier(Tier.NAS))));
    }

    @Test
    void volumesOfListsEachVolumeOnceInExtentOrder() {
        assertEquals(List.of("nas-1", "nvme-1"),
                List.copyOf(TargetPicker.volumesOf(fileOn("nas-1", "nvme-1", "nas-1"))));
        assertEquals(Set.of(), TargetPicker.volumesOf(inode(0, List.of())));
    }
}
