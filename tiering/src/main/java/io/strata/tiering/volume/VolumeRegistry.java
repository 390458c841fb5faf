package io.strata.tiering.volume;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The volumes this server knows, and which one new writes land on (the first of the fastest tier). */
public final class VolumeRegistry {
    private final Map<String, Volume> byId = new ConcurrentHashMap<>();
    private final List<Volume> ordered = new CopyOnWriteArrayList<>();

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

    public Volume require(String id) {
        Volume v = byId.get(id);
        if (v == null) {
            throw new IllegalStateException("unknown volume " + id + " (was it removed from the configuration?)");
        }
        return v;
    }

    public Volume writeTarget() {
        Volume best = null;
        for (Volume v : ordered) {
            boolean local = v.tier() == Tier.NVME || v.tier() == Tier.NAS;
            if (local && (best == null || v.tier().ordinal() < best.tier().ordinal())) {
                best = v;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no local volume to write to");
        }
        return best;
    }

    public List<Volume> all() {
        return List.copyOf(ordered);
    }
}
