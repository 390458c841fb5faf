package io.strata.tiering.mover;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.strata.meta.MetaStore;
import io.strata.tiering.control.MoveControl;
import io.strata.tiering.control.NotFoundException;
import io.strata.tiering.policy.CompiledPolicy;
import io.strata.tiering.policy.PolicyBook;
import io.strata.tiering.policy.Rule;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.thread.DaemonThreads;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeRegistry;
import io.strata.tiering.volume.VolumeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the policy: evaluates it on a schedule and on demand, queues a move per file that should be elsewhere, and
 * runs the moves a few at a time, throttled, retrying with back-off when the file changed under the copy or a volume
 * was unreachable. Nothing here is needed to survive a crash: an interrupted copy is reclaimed at restart and the
 * next evaluation queues the file again.
 */
public final class Mover implements MoveControl, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Mover.class);
    private static final int DRY_RUN_LIST = 1000;
    private static final int HISTORY = 1000;

    private final VolumeRegistry volumes;
    private final PolicyBook policies;
    private final MoverSettings settings;
    private final Planner planner;
    private final FileMove fileMove;
    private final Map<String, MoveTask> tasks = new ConcurrentHashMap<>();
    private final Map<Long, MoveTask> activeByInode = new ConcurrentHashMap<>();
    private final Map<String, MoveTask> finished = new LinkedHashMap<>();
    private final DelayQueue<Ready> queue = new DelayQueue<>();
    /** Files whose rule recalls them when read in the cloud; replaced by each evaluation. */
    private volatile Map<Long, Planner.Recallable> recallable = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("strata-mover-timer"));
    private final Counter bytesMoved;
    private final Counter filesMoved;
    private final Counter failures;
    private volatile boolean closed;

    public Mover(MetaStore meta, ObjectStore store, VolumeRegistry volumes, PolicyBook policies,
                 MoverSettings settings, MeterRegistry meters) {
        this.volumes = volumes;
        this.policies = policies;
        this.settings = settings;
        this.planner = new Planner(meta.walk(), store.access(), volumes);
        this.fileMove = new FileMove(meta, store, new Throttle(settings.bytesPerSecond()));
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), DaemonThreads.named("strata-mover"));
        bytesMoved = Counter.builder("strata_mover_bytes_moved").description("bytes copied by completed moves")
                .register(meters);
        filesMoved = Counter.builder("strata_mover_files_moved").description("files moved").register(meters);
        failures = Counter.builder("strata_mover_failures")
                .description("move attempts that failed (retried with back-off, or given up)").register(meters);
        Gauge.builder("strata_mover_queue_depth", queue, DelayQueue::size)
                .description("moves waiting to run (including those backing off)").register(meters);
        Gauge.builder("strata_mover_running", this, m -> m.countIn(MoveState.COPYING, MoveState.VERIFYING,
                MoveState.SWITCHING)).description("moves running now").register(meters);
        store.access().onColdRead(this::recallIfAsked);
    }

    /** Starts the workers and the schedule; the first evaluation runs shortly after start (resuming moves). */
    public void start() {
        for (int i = 0; i < settings.concurrency(); i++) {
            workers.execute(this::work);
        }
        long every = settings.interval().toMillis();
        if (every > 0) {
            timer.scheduleWithFixedDelay(this::scheduledRound, Math.min(every, 5_000), every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public MovePlan dryRun(List<Rule> rules) {
        CompiledPolicy policy = rules == null ? policies.compiled() : policies.validate(rules);
        return planner.plan(policy, DRY_RUN_LIST).plan();
    }

    @Override
    public synchronized MovePlan applyNow() {
        Planner.Result r = planner.plan(policies.compiled(), DRY_RUN_LIST);
        recallable = new ConcurrentHashMap<>(r.recallable());
        int queued = 0;
        for (PlannedMove m : r.moves()) {
            if (enqueue(m)) {
                queued++;
            }
        }
        LOG.info("policy v{}: {} files scanned in {} ms, {} to move ({} bytes), {} newly queued",
                r.plan().policyVersion(), r.plan().filesScanned(), r.plan().evaluationMillis(), r.plan().files(),
                r.plan().bytes(), queued);
        return r.plan();
    }

    @Override
    public List<MoveStatus> moves() {
        List<MoveStatus> out = new ArrayList<>();
        tasks.values().forEach(t -> out.add(t.status()));
        synchronized (finished) {
            finished.values().forEach(t -> out.add(t.status()));
        }
        out.sort(Comparator.comparing(MoveStatus::queuedAt).reversed());
        return out;
    }

    @Override
    public MoveStatus move(String id) {
        return find(id).status();
    }

    @Override
    public MoveStatus cancel(String id) {
        MoveTask t = find(id);
        if (!t.state.finished()) {
            t.cancelled = true;
            if (t.state == MoveState.QUEUED || t.state == MoveState.RETRYING) {
                finish(t, MoveState.CANCELLED, "cancelled by the admin");
            }
        }
        return t.status();
    }

    private MoveTask find(String id) {
        MoveTask t = tasks.get(id);
        if (t == null) {
            synchronized (finished) {
                t = finished.get(id);
            }
        }
        if (t == null) {
            throw new NotFoundException("no move " + id);
        }
        return t;
    }

    private boolean enqueue(PlannedMove m) {
        MoveTask t = new MoveTask(UUID.randomUUID().toString().substring(0, 13), m);
        if (activeByInode.putIfAbsent(m.inodeId(), t) != null) {
            return false; // already queued or running
        }
        tasks.put(t.id, t);
        queue.add(new Ready(t, 0));
        return true;
    }

    /** A read just reached the cloud tier: move the file back if its rule asks for recall on access. */
    private void recallIfAsked(long inodeId) {
        if (activeByInode.containsKey(inodeId)) {
            return;
        }
        Planner.Recallable r = recallable.remove(inodeId);
        if (r == null) {
            return;
        }
        Volume hot = volumes.writeTarget();
        enqueue(new PlannedMove(r.bucket(), r.path(), inodeId, r.size(), "cloud", hot.id(), r.rule(),
                "read while in the cloud tier; rule " + r.rule() + " asks for recall on access"));
    }

    private void scheduledRound() {
        try {
            if (!policies.compiled().isEmpty() || anyDraining()) {
                applyNow();
            }
        } catch (RuntimeException e) {
            LOG.warn("scheduled policy evaluation failed; next round in {}", settings.interval(), e);
        }
    }

    private boolean anyDraining() {
        return volumes.all().stream().anyMatch(v -> volumes.isDraining(v.id()));
    }

    private void work() {
        while (!closed) {
            MoveTask t;
            try {
                t = queue.take().task;
            } catch (InterruptedException e) {
                return;
            }
            if (t.state.finished()) {
                continue; // cancelled while waiting
            }
            runOnce(t);
        }
    }

    private void runOnce(MoveTask t) {
        t.attempts++;
        Volume target = volumes.find(t.plan.toVolume());
        if (target == null) {
            finish(t, MoveState.FAILED, "target volume " + t.plan.toVolume() + " was removed");
            return;
        }
        try {
            FileMove.Outcome outcome = fileMove.run(t, target);
            switch (outcome) {
                case MOVED, GONE -> {
                    if (outcome == FileMove.Outcome.MOVED) {
                        bytesMoved.increment(t.copied.get());
                        filesMoved.increment();
                    }
                    finish(t, MoveState.DONE, outcome == FileMove.Outcome.GONE ? "the file was deleted" : null);
                }
                case CANCELLED -> finish(t, MoveState.CANCELLED, "cancelled by the admin");
                case CHANGED -> retryLater(t, "the file changed during the copy");
            }
        } catch (VolumeUnavailableException e) {
            failures.increment();
            retryLater(t, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(t, MoveState.FAILED, "server stopping");
        } catch (Exception e) {
            failures.increment();
            LOG.warn("move {} of {}/{} failed (attempt {})", t.id, t.plan.bucket(), t.plan.path(), t.attempts, e);
            retryLater(t, e.toString());
        }
    }

    private void retryLater(MoveTask t, String why) {
        if (t.cancelled) {
            finish(t, MoveState.CANCELLED, "cancelled by the admin");
            return;
        }
        if (t.attempts >= settings.maxAttempts()) {
            finish(t, MoveState.FAILED, why + " (gave up after " + t.attempts + " attempts; the next evaluation "
                    + "tries again)");
            return;
        }
        long delay = Math.min(settings.maxRetryDelay().toMillis(),
                settings.firstRetry().toMillis() << Math.min(20, t.attempts - 1));
        t.set(MoveState.RETRYING, why + "; retrying in " + Duration.ofMillis(delay).toSeconds() + " s");
        queue.add(new Ready(t, delay));
    }

    private void finish(MoveTask t, MoveState state, String message) {
        t.set(state, message);
        tasks.remove(t.id);
        activeByInode.remove(t.plan.inodeId(), t);
        synchronized (finished) {
            finished.put(t.id, t);
            while (finished.size() > HISTORY) {
                finished.remove(finished.keySet().iterator().next());
            }
        }
    }

    private int countIn(MoveState... states) {
        int n = 0;
        for (MoveTask t : tasks.values()) {
            for (MoveState s : states) {
                if (t.state == s) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public void close() {
        closed = true;
        tasks.values().forEach(t -> t.cancelled = true);
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    /** A task in the delay queue, ready at its time. */
    private static final class Ready implements Delayed {
        final MoveTask task;
        final long atNanos;

        Ready(MoveTask task, long delayMillis) {
            this.task = task;
            this.atNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(atNanos, ((Ready) o).atNanos);
        }
    }
}
