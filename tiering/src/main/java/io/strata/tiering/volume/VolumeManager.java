package io.strata.tiering.volume;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.strata.meta.model.Extent;
import io.strata.meta.ns.BlobLedger;
import io.strata.meta.codec.LedgerCodec;
import io.strata.meta.ns.NamespaceWalk;
import io.strata.meta.ns.SettingsTable;
import io.strata.tiering.control.ConflictException;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.control.NotFoundException;
import io.strata.tiering.control.VolumeControl;
import io.strata.tiering.json.PolicyJson;
import io.strata.tiering.json.VolumeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The volumes an admin added, kept as specs in the namespace's settings (so every node and every restart opens the
 * same ones), plus the built-in volume under the data directory, which cannot be removed.
 */
public final class VolumeManager implements VolumeControl {
    private static final Logger LOG = LoggerFactory.getLogger(VolumeManager.class);
    private static final String SPEC_PREFIX = "volume/spec/";
    private static final String DRAINING_PREFIX = "volume/draining/";

    private final SettingsTable settings;
    private final VolumeRegistry registry;
    private final VolumeFactory factory;
    private final NamespaceWalk walk;
    private final BlobLedger ledger;
    private final MeterRegistry meters;
    private final Map<String, VolumeSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private final String builtinId;
    private volatile Runnable onDrain = () -> { };

    public VolumeManager(SettingsTable settings, VolumeRegistry registry, VolumeFactory factory, NamespaceWalk walk,
                         BlobLedger ledger, VolumeSpec builtin, MeterRegistry meters) {
        this.settings = settings;
        this.registry = registry;
        this.factory = factory;
        this.walk = walk;
        this.ledger = ledger;
        this.meters = meters;
        this.builtinId = builtin.id();
        specs.put(builtin.id(), builtin);
        registerGauges(builtin.id(), builtin.tier());
    }

    /** Opens every stored volume; one that cannot be opened now is reported and left out until the next start. */
    public void openStored() {
        for (Map.Entry<String, String> e : settings.withPrefix(SPEC_PREFIX).entrySet()) {
            VolumeSpec spec;
            try {
                spec = VolumeJson.spec(PolicyJson.MAPPER.readTree(e.getValue()));
            } catch (IOException | RuntimeException ex) {
                LOG.error("stored volume spec {} does not parse; volume left out: {}", e.getKey(), ex.toString());
                continue;
            }
            try {
                registry.addIfAbsent(factory.open(spec));
                specs.put(spec.id(), spec);
                registerGauges(spec.id(), spec.tier());
            } catch (IOException | RuntimeException ex) {
                LOG.error("volume {} could not be opened; its data is unreachable until it can: {}", spec.id(),
                        ex.toString());
                lastErrors.put(spec.id(), ex.toString());
            }
        }
        for (String key : settings.withPrefix(DRAINING_PREFIX).keySet()) {
            registry.setDraining(key.substring(DRAINING_PREFIX.length()), true);
        }
    }

    /** Called after a drain starts, so the mover empties the volume now rather than at its next round. */
    public void onDrain(Runnable callback) {
        this.onDrain = callback;
    }

    @Override
    public List<VolumeInfo> list() {
        List<VolumeInfo> out = new ArrayList<>();
        for (Volume v : registry.all()) {
            if (specs.containsKey(v.id())) {
                out.add(info(v));
            }
        }
        return out;
    }

    @Override
    public VolumeInfo get(String id) {
        Volume v = registry.find(id);
        if (v == null || !specs.containsKey(id)) {
            throw new NotFoundException("no volume " + id);
        }
        return info(v);
    }

    @Override
    public synchronized VolumeInfo add(VolumeSpec spec) {
        if (specs.containsKey(spec.id()) || registry.find(spec.id()) != null) {
            throw new ConflictException("a volume with id " + spec.id() + " exists already");
        }
        Volume volume;
        try {
            factory.check(spec);
            volume = factory.open(spec);
        } catch (VolumeUnavailableException e) {
            throw new InvalidFieldException(spec.isCloud() ? "cloud" : "path", e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new InvalidFieldException(spec.isCloud() ? "cloud" : "path", "cannot use it: " + e.getMessage());
        }
        if (!settings.putIfAbsent(SPEC_PREFIX + spec.id(), json(spec))) {
            throw new ConflictException("a volume with id " + spec.id() + " exists already");
        }
        registry.add(volume);
        specs.put(spec.id(), spec);
        registerGauges(spec.id(), spec.tier());
        LOG.info("volume {} added (tier {})", spec.id(), PolicyJson.tierName(spec.tier()));
        return info(volume);
    }

    @Override
    public VolumeInfo drain(String id) {
        Volume v = registry.find(id);
        if (v == null || !specs.containsKey(id)) {
            throw new NotFoundException("no volume " + id);
        }
        settings.put(DRAINING_PREFIX + id, "true");
        registry.setDraining(id, true);
        LOG.info("volume {} is draining: no new data lands on it; the mover empties it", id);
        onDrain.run();
        return info(v);
    }

    @Override
    public synchronized void remove(String id) {
        if (!specs.containsKey(id) || registry.find(id) == null) {
            throw new NotFoundException("no volume " + id);
        }
        if (id.equals(builtinId)) {
            throw new ConflictException("volume " + id + " is built in (it lives in the data directory); drain it "
                    + "to empty it, but it cannot be removed");
        }
        long[] held = filesAndBytesOn(id);
        if (held[0] > 0) {
            throw new ConflictException("volume " + id + " still holds " + held[1] + " bytes of " + held[0]
                    + " files: drain it first (POST /api/v1/volumes/" + id + "/drain) and wait for the moves");
        }
        List<LedgerCodec.Entry> pending = ledger.pendingOn(id);
        if (!pending.isEmpty()) {
            LedgerCodec.Entry first = pending.get(0);
            throw new ConflictException("volume " + id + " still has " + pending.size() + " data files being "
                    + "written or waiting to be reclaimed (e.g. " + first.blob().blobId() + ", "
                    + first.state().name().toLowerCase(java.util.Locale.ROOT) + "); try again in a few seconds");
        }
        settings.remove(SPEC_PREFIX + id);
        settings.remove(DRAINING_PREFIX + id);
        Volume v = registry.remove(id);
        specs.remove(id);
        if (v instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing volume {} failed", id, e);
            }
        }
        LOG.info("volume {} removed", id);
    }

    /** Files (by name) with at least one byte on the volume, and those bytes: a full walk of the namespace. */
    public long[] filesAndBytesOn(String volumeId) {
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        walk.forEachFile(f -> {
            long here = 0;
            for (Extent e : f.inode().extents()) {
                if (e.blob().volumeId().equals(volumeId)) {
                    here += e.length();
                }
            }
            if (here > 0) {
                files.incrementAndGet();
                bytes.addAndGet(here);
            }
        });
        return new long[] {files.get(), bytes.get()};
    }

    private VolumeInfo info(Volume v) {
        VolumeSpec spec = specs.get(v.id());
        VolumeState state = registry.isDraining(v.id()) ? VolumeState.DRAINING : VolumeState.ACTIVE;
        try {
            VolumeUsage u = v.usage();
            lastErrors.remove(v.id());
                        return new VolumeInfo(spec, state, u.totalBytes(), u.usedBytes(), u.freeBytes(), null);
        } catch (IOException | RuntimeException e) {
            lastErrors.put(v.id(), e.getMessage());
            return new VolumeInfo(spec, VolumeState.UNREACHABLE, -1, -1, -1, e.getMessage());
        }
    }

    private void registerGauges(String id, Tier tier) {
        Tags tags = Tags.of("volume", id, "tier", PolicyJson.tierName(tier));
        Gauge.builder("strata_volume_used_bytes", this, m -> m.usageOf(id, true)).tags(tags)
                .description("bytes used on the volume (its file system for local volumes)").register(meters);
        Gauge.builder("strata_volume_capacity_bytes", this, m -> m.usageOf(id, false)).tags(tags)
                .description("capacity of the volume (-1: none, a cloud bucket)").register(meters);
    }

    private double usageOf(String id, boolean used) {
        Volume v = registry.find(id);
        if (v == null) {
            return Double.NaN;
        }
        try {
            VolumeUsage u = v.usage();
            if (!used) {
                return u.totalBytes();
            }
            return u.usedBytes();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String json(VolumeSpec spec) {
        try {
            return PolicyJson.MAPPER.writeValueAsString(VolumeJson.toJson(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
