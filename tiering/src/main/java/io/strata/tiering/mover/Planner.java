package io.strata.tiering.mover;

import io.strata.meta.model.Inode;
import io.strata.meta.ns.NamespaceWalk;
import io.strata.tiering.access.AccessTracker;
import io.strata.tiering.policy.CompiledPolicy;
import io.strata.tiering.policy.Decision;
import io.strata.tiering.policy.FileFacts;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeRegistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates a policy over every file of the namespace and lists the moves it asks for. Reads metadata only, in
 * pages; what it keeps grows with the number of moves, not of files.
 */
final class Planner {
    private static final int BATCH = 1000;

    private final NamespaceWalk walk;
    private final AccessTracker access;
    private final VolumeRegistry volumes;

    Planner(NamespaceWalk walk, AccessTracker access, VolumeRegistry volumes) {
        this.walk = walk;
        this.access = access;
        this.volumes = volumes;
    }

    /** A file to recall when read from the cloud, with the name it was seen under. */
    record Recallable(String bucket, String path, long size, String rule) {
    }

    /**
     * @param listCap how many planned moves to keep in the plan's list (the totals count them all)
     */
    Result plan(CompiledPolicy policy, int listCap) {
        long started = System.nanoTime();
        access.flush();
        long now = System.currentTimeMillis();
        TargetPicker picker = new TargetPicker(volumes);
        List<PlannedMove> all = new ArrayList<>();
        Map<Long, Recallable> recallable = new java.util.HashMap<>();
        Map<String, Long> bytesByTarget = new TreeMap<>();
        Set<Long> seen = new HashSet<>();
        long[] scanned = {0};
        long[] bytes = {0};
        List<NamespaceWalk.FileVisit> batch = new ArrayList<>(BATCH);
        Runnable flush = () -> {
            Map<Long, Long> reads = access.lastAccess(batch.stream().map(v -> v.inode().id()).toList());
            for (NamespaceWalk.FileVisit v : batch) {
                Inode inode = v.inode();
                scanned[0]++;
                Decision d = policy.evaluate(FileFacts.of(v.bucket(), v.path(), inode, reads.get(inode.id())), now);
                if (d.matched() && d.rule().target().recallOnAccess() && onCloud(inode)) {
                    recallable.put(inode.id(), new Recallable(v.bucket(), v.path(), inode.size(), d.rule().name()));
                }
                Volume target = picker.pick(inode, d);
                if (target == null) {
                    continue;
                }
                String from = String.join("+", TargetPicker.volumesOf(inode));
                String reason = d.matched() ? d.reason() : "its volume is draining";
                all.add(new PlannedMove(v.bucket(), v.path(), inode.id(), inode.size(), from, target.id(),
                        d.matched() ? d.rule().name() : null, reason));
                bytes[0] += inode.size();
                bytesByTarget.merge(target.id(), inode.size(), Long::sum);
            }
            batch.clear();
        };
        walk.forEachFile(v -> {
            if (!seen.add(v.inode().id())) {
                return; // a second name of a hard-linked file: one move per file
            }
            batch.add(v);
            if (batch.size() >= BATCH) {
                flush.run();
            }
        });
        flush.run();
        long millis = (System.nanoTime() - started) / 1_000_000;
        MovePlan plan = new MovePlan(policy.version(), scanned[0], all.size(), bytes[0], bytesByTarget,
                all.size() > listCap ? List.copyOf(all.subList(0, listCap)) : List.copyOf(all), millis);
        return new Result(plan, all, recallable);
    }

    private boolean onCloud(Inode inode) {
        for (String id : TargetPicker.volumesOf(inode)) {
            Volume v = volumes.find(id);
            if (v != null && v.tier() == Tier.CLOUD) {
                return true;
            }
        }
        return false;
    }

    record Result(MovePlan plan, List<PlannedMove> moves, Map<Long, Recallable> recallable) {
    }
}
