package io.strata.tiering.data;

import io.strata.meta.codec.LedgerCodec;
import io.strata.meta.ns.BlobLedger;
import io.strata.tiering.thread.DaemonThreads;
import io.strata.tiering.volume.VolumeRegistry;
import io.strata.tiering.volume.VolumeUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes data files the namespace no longer references, once no reader can be using them. */
public final class Reclaimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reclaimer.class);
    /** A write still INFLIGHT after this long was abandoned without a trace (the process did not stop). */
    private static final Duration ABANDONED_WRITE = Duration.ofHours(24);

    private final BlobLedger ledger;
    private final VolumeRegistry volumes;
    private final ReadLeases leases;
    private final Duration grace;
    /** Volumes whose outage was reported already. */
    private final java.util.Set<String> unreachable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("strata-reclaimer"));

    public Reclaimer(BlobLedger ledger, VolumeRegistry volumes, ReadLeases leases, Duration grace) {
        this.ledger = ledger;
        this.volumes = volumes;
        this.leases = leases;
        this.grace = grace;
    }

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(this::runOnceSafely, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; returns how many data files were deleted. */
    public int runOnce() {
        long now = System.currentTimeMillis();
        List<LedgerCodec.Entry> due = ledger.reclaimable(now - grace.toMillis(), now - ABANDONED_WRITE.toMillis(), 1000);
        int deleted = 0;
        for (LedgerCodec.Entry e : due) {
            if (leases.held(e.blob())) {
                continue;
            }
            try {
                volumes.require(e.blob().volumeId()).delete(e.blob().blobId());
                ledger.forget(e.blob());
                unreachable.remove(e.blob().volumeId());
                deleted++;
            } catch (VolumeUnavailableException ex) {
                // Said once per outage and volume, not every pass: the volume's own errors tell the story.
                if (unreachable.add(e.blob().volumeId())) {
                    LOG.warn("cannot reclaim data files on {} while it is unreachable; retrying: {}",
                            e.blob().volumeId(), ex.getMessage());
                }
            } catch (Exception ex) {
                LOG.warn("could not reclaim {} yet: {}", e.blob().token(), ex.toString());
            }
        }
        return deleted;
    }

    private void runOnceSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("reclaim pass failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
