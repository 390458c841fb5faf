package io.strata.server.admin;

import io.strata.tiering.control.ConflictException;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.control.MoveControl;
import io.strata.tiering.control.NotFoundException;
import io.strata.tiering.control.PlacementControl;
import io.strata.tiering.control.PolicyControl;
import io.strata.tiering.control.TieringControl;
import io.strata.tiering.control.VolumeControl;
import io.strata.tiering.mover.MovePlan;
import io.strata.tiering.mover.MoveState;
import io.strata.tiering.mover.MoveStatus;
import io.strata.tiering.mover.PlannedMove;
import io.strata.tiering.placement.PlacedRange;
import io.strata.tiering.placement.Placement;
import io.strata.tiering.policy.PolicyVersion;
import io.strata.tiering.policy.Rule;
import io.strata.tiering.policy.Target;
import io.strata.tiering.volume.CloudSpec;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeInfo;
import io.strata.tiering.volume.VolumeSpec;
import io.strata.tiering.volume.VolumeState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * In-memory stand-ins for the tiering control interfaces, with just enough behaviour for the admin API's tests:
 * a local volume with data, a policy history, moves that advance each time they are listed, one placed file.
 */
public final class FakeTiering {
    public static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    public final Volumes volumes = new Volumes();
    public final Policies policies = new Policies(volumes);
    public final Moves moves = new Moves(policies);
    public final Files files = new Files();

    public TieringControl control() {
        return new TieringControl(volumes, policies, moves, files);
    }

    public static final class Volumes implements VolumeControl {
        final Map<String, VolumeInfo> byId = new LinkedHashMap<>();

        Volumes() {
            byId.put("local-1", new VolumeInfo(new VolumeSpec("local-1", Tier.NVME, "/data/local-1", null),
                    VolumeState.ACTIVE, 100L << 30, 3L << 20, (100L << 30) - (3L << 20), null));
        }

        @Override
        public synchronized List<VolumeInfo> list() {
            return List.copyOf(byId.values());
        }

        @Override
        public synchronized VolumeInfo get(String id) {
            VolumeInfo v = byId.get(id);
            if (v == null) {
                throw new NotFoundException("no volume '" + id + "'");
            }
            return v;
        }

        @Override
        public synchronized VolumeInfo add(VolumeSpec spec) {
            if (byId.containsKey(spec.id())) {
                throw new ConflictException("volume '" + spec.id() + "' exists");
            }
            if (spec.path() != null && spec.path().startsWith("/nonexistent")) {
                throw new InvalidFieldException("path", "directory " + spec.path() + " does not exist");
            }
            long capacity = spec.isCloud() ? -1 : 10L << 30;
            VolumeInfo v = new VolumeInfo(spec, VolumeState.ACTIVE, capacity, 0, spec.isCloud() ? -1 : capacity, null);
            byId.put(spec.id(), v);
            return v;
        }

        @Override
        public synchronized VolumeInfo drain(String id) {
            VolumeInfo v = get(id);
            VolumeInfo d = new VolumeInfo(v.spec(), VolumeState.DRAINING, v.capacityBytes(), v.usedBytes(),
                    v.freeBytes(), v.lastError());
            byId.put(id, d);
            return d;
        }

        @Override
        public synchronized void remove(String id) {
            VolumeInfo v = get(id);
            if (v.usedBytes() > 0) {
                throw new ConflictException("volume '" + id + "' still holds " + v.usedBytes() + " bytes; drain it");
            }
            byId.remove(id);
        }

        public synchronized boolean has(String id) {
            return byId.containsKey(id);
        }

        public static VolumeSpec cloudSpec(String id) {
            return new VolumeSpec(id, Tier.CLOUD, null, new CloudSpec("http://s3.example:9000", "eu-west-1",
                    "archive", "strata", "AK", "SECRET", true));
        }
    }

    public static final class Policies implements PolicyControl {
        private final Volumes volumes;
        final List<PolicyVersion> versions = new ArrayList<>(List.of(PolicyVersion.EMPTY));

        Policies(Volumes volumes) {
            this.volumes = volumes;
        }

        @Override
        public synchronized PolicyVersion current() {
            return versions.get(versions.size() - 1);
        }

        @Override
        public synchronized List<PolicyVersion> versions() {
            return List.copyOf(versions);
        }

        @Override
        public synchronized PolicyVersion version(int number) {
            if (number < 0 || number >= versions.size()) {
                throw new NotFoundException("no policy version " + number);
            }
            return versions.get(number);
        }

        @Override
        public synchronized PolicyVersion publish(List<Rule> rules, String comment) {
            validate(rules);
            PolicyVersion v = new PolicyVersion(versions.size(), T0.plusSeconds(versions.size()), comment, rules);
            versions.add(v);
            return v;
        }

        /** Like the real implementation: a rule may only name a volume that exists. */
        void validate(List<Rule> rules) {
            for (int i = 0; i < rules.size(); i++) {
                Target t = rules.get(i).target();
                if (t.kind() == Target.Kind.VOLUME && !volumes.has(t.volume())) {
                    throw new InvalidFieldException("rules[" + i + "].target.volume",
                            "no volume '" + t.volume() + "'");
                }
            }
        }
    }

    public static final class Moves implements MoveControl {
        private final Policies policies;
        final Map<String, MoveStatus> byId = new TreeMap<>();
        /** Bytes a running move copies each time the moves are listed (a watch sees progress). */
        public long stepBytes = 4L << 20;
        private int next = 1;

        Moves(Policies policies) {
            this.policies = policies;
        }

        static PlannedMove planned(String path, long bytes) {
            return new PlannedMove("demo", path, 40 + bytes % 7, bytes, "local-1", "cold-1", "old-to-cloud",
                    "modified 40d ago (older than 30d)");
        }

        static MovePlan plan(int version) {
            List<PlannedMove> moves = List.of(planned("logs/a.gz", 10L << 20), planned("logs/b.gz", 6L << 20));
            return new MovePlan(version, 120, 2, 16L << 20, Map.of("cold-1", 16L << 20), moves, 7);
        }

        @Override
        public MovePlan dryRun(List<Rule> rules) {
            if (rules != null) {
                policies.validate(rules);
                return plan(-1);
            }
            return plan(policies.current().version());
        }

        @Override
        public synchronized MovePlan applyNow() {
            MovePlan p = plan(policies.current().version());
            for (PlannedMove m : p.moves()) {
                String id = "m" + next++;
                byId.put(id, new MoveStatus(id, m, MoveState.QUEUED, 0, 0, T0, T0, null));
            }
            return p;
        }

        /** Every listing advances: queued moves start, running ones copy {@link #stepBytes} more, full ones finish. */
        @Override
        public synchronized List<MoveStatus> moves() {
            List<MoveStatus> out = new ArrayList<>();
            for (MoveStatus s : byId.values()) {
                MoveStatus now = advance(s);
                byId.put(s.id(), now);
                out.add(0, now);
            }
            return out;
        }

        private MoveStatus advance(MoveStatus s) {
            if (s.state().finished() || stepBytes == 0) {
                return s;
            }
            long copied = s.state() == MoveState.QUEUED ? 0 : Math.min(s.plan().bytes(), s.bytesCopied() + stepBytes);
            MoveState state = s.state() == MoveState.QUEUED ? MoveState.COPYING
                    : copied == s.plan().bytes() ? MoveState.DONE : MoveState.COPYING;
            return new MoveStatus(s.id(), s.plan(), state, copied, 1, s.queuedAt(), T0.plusSeconds(1), null);
        }

        @Override
        public synchronized MoveStatus move(String id) {
            MoveStatus s = byId.get(id);
            if (s == null) {
                throw new NotFoundException("no move '" + id + "'");
            }
            return s;
        }

        @Override
        public synchronized MoveStatus cancel(String id) {
            MoveStatus s = move(id);
            MoveStatus c = new MoveStatus(id, s.plan(), MoveState.CANCELLED, s.bytesCopied(), s.attempts(),
                    s.queuedAt(), T0.plusSeconds(2), null);
            byId.put(id, c);
            return c;
        }

        public synchronized void put(MoveStatus s) {
            byId.put(s.id(), s);
        }
    }

    public static final class Files implements PlacementControl {
        @Override
        public Placement of(String bucket, String path) {
            if (!bucket.equals("demo")) {
                throw new NotFoundException("no bucket '" + bucket + "'");
            }
            if (!path.startsWith("logs/")) {
                throw new NotFoundException("no file '" + path + "' in bucket " + bucket);
            }
            return new Placement(bucket, path, 42, 3L << 20, "\"d41d8cd98f00b204e9800998ecf8427e\"", "STANDARD",
                    List.of(new PlacedRange(0, 1L << 20, "local-1", Tier.NVME, "b-1"),
                            new PlacedRange(1L << 20, 2L << 20, "cold-1", Tier.CLOUD, "b-2")),
                    1, "old-to-cloud", "modified 40d ago", "cold-1");
        }
    }
}
