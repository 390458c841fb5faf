package io.strata.tiering.volume;

import io.strata.meta.model.BlobRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The volumes this server knows, and which one new writes land on (the first of the fastest tier). */
public final class VolumeRegistry {
    private final Map<String, Volume> byId = new ConcurrentHashMap<>();
    private final List<Volume> ordered = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> draining = ConcurrentHashMap.newKeySet();

    /** Adds the volume unless one with its id is registered already. */
    public void addIfAbsent(Volume volume) {
        if (byId.putIfAbsent(volume.id(), volume) == null) {
            ordered.add(volume);
        }
    }

    public void add(Volume volume) {
        if (byId.putIfAbsent(volume.id(), volume) != null) {
            throw new IllegalArgumentException("volume " + volume.id() + " exists already");
        }
        ordered.add(volume);
    }

    /** The volume, or null when none has the id. */
    public Volume find(String id) {
        return byId.get(id);
    }

    /** The tier of the volume holding a blob: METADATA for inline bytes, null for an unknown volume. */
    public Tier tierOf(String volumeId) {
        if (BlobRef.INLINE_VOLUME.equals(volumeId)) {
            return Tier.METADATA;
        }
        Volume v = byId.get(volumeId);
        return v == null ? null : v.tier();
    }

    /** Forgets the volume (it must hold nothing any more). */
    public Volume remove(String id) {
        Volume v = byId.remove(id);
        if (v != null) {
            ordered.remove(v);
            draining.remove(id);
        }
        return v;
    }

    /** Marks the volume as draining: it serves reads but takes no new data. */
    public void setDraining(String id, boolean isDraining) {
        if (isDraining) {
            draining.add(id);
        } else {
            draining.remove(id);
        }
    }

    public boolean isDraining(String id) {
        return draining.contains(id);
    }

    public Volume require(String id) {
        Volume v = byId.get(id);
        if (v == null) {
            throw new IllegalStateException("unknown volume " + id + " (was it removed from the configuration?)");
        }
        return v;
    }

    /**
     * Where new writes land: the first volume of the fastest local tier that is not draining. If every local volume
     * drains, writes still go to one of them rather than fail (the mover empties it again).
     */
    public Volume writeTarget() {
        Volume best = fastestLocal(false);
        if (best == null) {
            best = fastestLocal(true);
        }
        if (best == null) {
            throw new IllegalStateException("no local volume to write to");
        }
        return best;
    }

    private Volume fastestLocal(boolean includeDraining) {
        Volume best = null;
        for (Volume v : ordered) {
            boolean local = v.tier() == Tier.NVME || v.tier() == Tier.NAS;
            boolean usable = includeDraining || !draining.contains(v.id());
            if (local && usable && (best == null || v.tier().ordinal() < best.tier().ordinal())) {
                best = v;
            }
        }
        return best;
    }

    public List<Volume> all() {
        return List.copyOf(ordered);
    }
}
