package io.strata.tiering.mover;

import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.tiering.policy.Decision;
import io.strata.tiering.policy.Target;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeRegistry;
import io.strata.tiering.volume.VolumeUsage;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns a policy decision into a target volume for one file, or null when the file is where it should be. A file
 * on a draining volume always moves (to its tier's other volumes, else to where new writes land).
 */
final class TargetPicker {
    private final VolumeRegistry volumes;
    /** Free bytes per volume, read once per evaluation pass. */
    private final Map<String, Long> free = new HashMap<>();

    TargetPicker(VolumeRegistry volumes) {
        this.volumes = volumes;
    }

    Volume pick(Inode inode, Decision decision) {
        if (inode.size() == 0 || inode.extents().isEmpty()) {
            return null; // nothing to move
        }
        Set<String> on = volumesOf(inode);
        boolean onDraining = on.stream().anyMatch(volumes::isDraining);
        Target t = decision.rule() == null ? null : decision.rule().target();
        if (t == null || t.kind() == Target.Kind.PIN) {
            return onDraining ? evacuationTarget(on) : null;
        }
        if (t.kind() == Target.Kind.VOLUME) {
            Volume v = volumes.find(t.volume());
            if (v == null || volumes.isDraining(v.id())) {
                return onDraining ? evacuationTarget(on) : null;
            }
            return on.size() == 1 && on.contains(v.id()) ? null : v;
        }
        if (!onDraining && allOnTier(on, t.tier())) {
            return null;
        }
        Volume best = roomiest(t.tier());
        return best != null ? best : onDraining ? evacuationTarget(on) : null;
    }

    /** The volumes holding the inode's bytes. */
    static Set<String> volumesOf(Inode inode) {
        Set<String> out = new LinkedHashSet<>();
        for (Extent e : inode.extents()) {
            out.add(e.blob().volumeId());
        }
        return out;
    }

    private boolean allOnTier(Set<String> on, Tier tier) {
        for (String id : on) {
            Tier t = volumes.tierOf(id);
            if (t == null || !t.satisfies(tier)) {
                return false;
            }
        }
        return true;
    }

    private Volume evacuationTarget(Set<String> on) {
        for (String id : on) {
            Tier tier = volumes.tierOf(id);
            if (tier != null && volumes.isDraining(id)) {
                Volume sameTier = roomiest(tier);
                if (sameTier != null) {
                    return sameTier;
                }
            }
        }
        Volume w = volumes.writeTarget();
        return volumes.isDraining(w.id()) ? null : w;
    }

    /** The volume of the tier, not draining, with the most free space (a cloud bucket counts as unlimited). */
    private Volume roomiest(Tier tier) {
        Volume best = null;
        long bestFree = Long.MIN_VALUE;
        for (Volume v : volumes.all()) {
            if (v.tier() != tier || volumes.isDraining(v.id())) {
                continue;
            }
            long f = free.computeIfAbsent(v.id(), id -> freeBytes(v));
            if (f > bestFree) {
                best = v;
                bestFree = f;
            }
        }
        return best;
    }

    private static long freeBytes(Volume v) {
        try {
            VolumeUsage u = v.usage();
            return u.totalBytes() < 0 ? Long.MAX_VALUE : u.freeBytes();
        } catch (IOException | RuntimeException e) {
            return Long.MIN_VALUE + 1; // unreachable: chosen only if nothing else exists
        }
    }
}
