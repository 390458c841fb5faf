package io.strata.tiering.placement;

import io.strata.meta.MetaStore;
import io.strata.meta.error.MetaException;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.tiering.access.AccessTracker;
import io.strata.tiering.control.NotFoundException;
import io.strata.tiering.control.PlacementControl;
import io.strata.tiering.policy.CompiledPolicy;
import io.strata.tiering.policy.Decision;
import io.strata.tiering.policy.FileFacts;
import io.strata.tiering.policy.PolicyBook;
import io.strata.tiering.volume.VolumeRegistry;

import java.util.ArrayList;
import java.util.List;

/** Answers "where do the bytes of this file sit, and what does the policy say about it". */
public final class PlacementService implements PlacementControl {
    private final MetaStore meta;
    private final VolumeRegistry volumes;
    private final PolicyBook policies;
    private final AccessTracker access;

    public PlacementService(MetaStore meta, VolumeRegistry volumes, PolicyBook policies, AccessTracker access) {
        this.meta = meta;
        this.volumes = volumes;
        this.policies = policies;
        this.access = access;
    }

    @Override
    public Placement of(String bucket, String path) {
        Inode inode;
        try {
            inode = meta.objects().find(bucket, ObjectKey.parse(path));
        } catch (MetaException e) {
            throw new NotFoundException(bucket + "/" + path + ": " + e.getMessage());
        }
        List<PlacedRange> ranges = new ArrayList<>();
        for (Extent e : inode.extents()) {
            ranges.add(new PlacedRange(e.offset(), e.length(), e.blob().volumeId(), volumes.tierOf(e.blob().volumeId()),
                    e.blob().blobId()));
        }
        CompiledPolicy policy = policies.compiled();
        Decision d = Decision.NONE;
        if (inode.isFile()) {
            access.flush();
            Long read = access.lastAccess(List.of(inode.id())).get(inode.id());
            d = policy.evaluate(FileFacts.of(bucket, path, inode, read), System.currentTimeMillis());
        }
        return new Placement(bucket, path, inode.id(), inode.size(),
                inode.object() == null ? null : inode.object().etag(), StorageClasses.of(inode, volumes), ranges,
                policy.version(), d.matched() ? d.rule().name() : null, d.reason(), wanted(d, ranges));
    }

    /** Where the matching rule wants the file, or null when it is there already (or pinned, or no rule). */
    private static String wanted(Decision d, List<PlacedRange> ranges) {
        if (!d.matched() || ranges.isEmpty()) {
            return null;
        }
        return switch (d.rule().target().kind()) {
            case PIN -> null;
            case VOLUME -> ranges.stream().allMatch(r -> r.volume().equals(d.rule().target().volume()))
                    ? null : d.rule().target().volume();
            case TIER -> ranges.stream().allMatch(r -> r.tier() != null
                    && r.tier().satisfies(d.rule().target().tier())) ? null : "tier " + d.rule().target().tier().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
