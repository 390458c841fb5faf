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
import io.strata.tiering.volume.StubVolume;
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
        with(StubVolume.local("nas-1", Tier.NAS, GiB), StubVolume.local("nas-2", Tier.NAS, 50 * GiB));
        assertNull(pick(fileOn("nas-1"), rule(Target.tier(Tier.NAS))), "a roomier volume of the same tier is no reason");
        assertNull(pick(fileOn("nas-1", "nas-2"), rule(Target.tier(Tier.NAS))));
    }

    @Test
    void aFileOnAnotherTierGoesToTheRoomiestVolumeOfTheTargetTier() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, 2 * GiB),
                StubVolume.local("nas-2", Tier.NAS, 9 * GiB), StubVolume.local("nas-3", Tier.NAS, 4 * GiB));
        assertEquals("nas-2", pick(fileOn("nvme-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void aDrainingVolumeIsNeverChosenHoweverRoomy() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, 2 * GiB),
                StubVolume.local("nas-2", Tier.NAS, 90 * GiB));
        volumes.setDraining("nas-2", true);
        assertEquals("nas-1", pick(fileOn("nvme-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void aFileSpreadOverTiersMovesToGatherOnTheTargetTier() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, GiB));
        assertEquals("nas-1", pick(fileOn("nas-1", "nvme-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void aCloudBucketCountsAsUnlimitedSpace() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.cloud("cold"));
        assertEquals("cold", pick(fileOn("nvme-1"), rule(Target.tier(Tier.CLOUD))).id());
    }

    @Test
    void aVolumeWhoseSpaceCannotBeReadIsChosenOnlyWhenNothingElseIs() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.of("nas-down", Tier.NAS),
                StubVolume.local("nas-full", Tier.NAS, 0));
        assertEquals("nas-full", pick(fileOn("nvme-1"), rule(Target.tier(Tier.NAS))).id());

        VolumeRegistry onlyDown = new VolumeRegistry();
        onlyDown.add(StubVolume.local("nvme-1", Tier.NVME, GiB));
        onlyDown.add(StubVolume.of("nas-down", Tier.NAS));
        // Its move fails and is retried later: better than never honouring the rule.
        assertEquals("nas-down", new TargetPicker(onlyDown).pick(fileOn("nvme-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void noVolumeOfTheTargetTierLeavesTheFile() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB));
        assertNull(pick(fileOn("nvme-1"), rule(Target.tier(Tier.CLOUD))));
    }

    @Test
    void aTargetVolumeIsChosenUnlessTheFileIsAlreadyWhollyThere() {
        StubVolume nas1 = StubVolume.local("nas-1", Tier.NAS, GiB);
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), nas1, StubVolume.local("nas-2", Tier.NAS, 50 * GiB));
        assertSame(nas1, pick(fileOn("nvme-1"), rule(Target.volume("nas-1"))));
        assertSame(nas1, pick(fileOn("nas-2"), rule(Target.volume("nas-1"))), "a named volume, not any of its tier");
        assertSame(nas1, pick(fileOn("nas-1", "nvme-1"), rule(Target.volume("nas-1"))));
        assertNull(pick(fileOn("nas-1"), rule(Target.volume("nas-1"))));
    }

    @Test
    void aMissingOrDrainingTargetVolumeLeavesTheFile() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, GiB));
        assertNull(pick(fileOn("nvme-1"), rule(Target.volume("gone"))));
        volumes.setDraining("nas-1", true);
        assertNull(pick(fileOn("nvme-1"), rule(Target.volume("nas-1"))));
    }

    @Test
    void aPinnedFileStays() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, GiB));
        assertNull(pick(fileOn("nas-1"), rule(Target.pin())));
        assertNull(pick(fileOn("nas-1", "nvme-1"), rule(Target.pin())));
    }

    @Test
    void aPinnedFileOnADrainingVolumeStillLeavesIt() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, GiB),
                StubVolume.local("nas-2", Tier.NAS, 2 * GiB));
        volumes.setDraining("nas-1", true);
        assertEquals("nas-2", pick(fileOn("nas-1"), rule(Target.pin())).id());
    }

    @Test
    void withoutARuleAFileStays() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, GiB));
        assertNull(pick(fileOn("nas-1"), Decision.NONE));
    }

    @Test
    void withoutARuleAFileOnADrainingVolumeMovesToAnotherVolumeOfItsTier() {
        with(StubVolume.local("nvme-1", Tier.NVME, 80 * GiB), StubVolume.local("nas-1", Tier.NAS, GiB),
                StubVolume.local("nas-2", Tier.NAS, 2 * GiB), StubVolume.local("nas-3", Tier.NAS, 3 * GiB));
        volumes.setDraining("nas-1", true);
        assertEquals("nas-3", pick(fileOn("nas-1"), Decision.NONE).id());
    }

    @Test
    void withoutARuleAFileOnTheLastDrainingVolumeOfItsTierMovesToWhereWritesLand() {
        with(StubVolume.local("nas-1", Tier.NAS, 50 * GiB), StubVolume.local("nvme-1", Tier.NVME, GiB),
                StubVolume.local("nvme-2", Tier.NVME, 9 * GiB), StubVolume.cloud("cold"));
        volumes.setDraining("cold", true);
        // The write target is the first nvme volume, not the roomiest: evacuation follows the write path.
        assertEquals("nvme-1", pick(fileOn("cold"), Decision.NONE).id());
    }

    @Test
    void aFileOnADrainingVolumeOfItsTargetTierMovesWithinTheTier() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, 9 * GiB),
                StubVolume.local("nas-2", Tier.NAS, GiB));
        volumes.setDraining("nas-1", true);
        assertEquals("nas-2", pick(fileOn("nas-1"), rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void aFileOnADrainingVolumeWhoseTargetVolumeIsGoneIsEvacuated() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, GiB));
        volumes.setDraining("nas-1", true);
        assertEquals("nvme-1", pick(fileOn("nas-1"), rule(Target.volume("gone"))).id());
    }

    @Test
    void whenEveryLocalVolumeDrainsAnEvacuationHasNowhereToGo() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB));
        volumes.setDraining("nvme-1", true);
        assertNull(pick(fileOn("nvme-1"), Decision.NONE));
    }

    @Test
    void inlineBytesCountAsNvme() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, GiB));
        Inode small = fileOn(BlobRef.INLINE_VOLUME);
        assertNull(pick(small, rule(Target.tier(Tier.NVME))), "inline bytes are as fast as nvme: nothing to gain");
        assertEquals("nas-1", pick(small, rule(Target.tier(Tier.NAS))).id());
    }

    @Test
    void anEmptyFileHasNothingToMove() {
        with(StubVolume.local("nvme-1", Tier.NVME, GiB), StubVolume.local("nas-1", Tier.NAS, GiB));
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
