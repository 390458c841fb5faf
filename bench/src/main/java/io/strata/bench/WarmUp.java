package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Repeats a workload (a benchmark's rows in a smaller cycle), untimed, until the JIT compilers of the JVMs involved
 * have settled. A JVM server compiles its hot paths over tens of thousands of requests, and on two cores its compiler
 * threads compete with the work: cold, Strata's small PUT cost 2.3 ms of CPU, warm about 1 ms; its NFS metadata
 * cycle took over 20 rounds of 10,000 operations to climb from 1,300 to 9,000 operations per second. A fixed, short
 * warm-up measured the compiler rather than the server users run for days. The rule: rounds go on until, in one
 * round, the compiler threads of every JVM named used under {@value #COMPILER_SHARE_PERCENT}% of that JVM's CPU
 * (after at least {@value #MIN_ROUNDS} rounds, at most {@value #MAX_ROUNDS}). A server that is not a JVM (ganesha)
 * has nothing to wait for but the benchmark's own client, which is a JVM.
 *
 * <p>Why 2% and not 5%: Strata's compilers work through a long tail (Ignite is a large code base; two cores give
 * HotSpot one C2 thread, and it raises its compile thresholds while that thread's queue is long), so code run once
 * per request, such as the end of a transaction, reached C2 only after about eight thousand requests. Stopped at 5%,
 * the S3 warm-up left C2 compiling through the measured PUT 1 MiB turns, 0.5-1.8 ms of CPU a request, a tenth to a
 * quarter of the server's.
 */
public final class WarmUp {
    static final int MIN_ROUNDS = 3;
    static final int MAX_ROUNDS = 150;
    static final int COMPILER_SHARE_PERCENT = 2;
    /** Rounds at most when each boots the VM (about a minute): the cap of a warm-up through the kernel client. */
    static final int VM_MAX_ROUNDS = 12;
    /**
     * The share a VM round must get under: a round boots the VM and runs its loops once (about a minute), and
     * twelve of them at most fit in the benchmark's time, so the VM warm-up keeps the coarser mark.
     */
    static final int VM_COMPILER_SHARE_PERCENT = 5;

    private final List<Long> jvmPids;
    private final int minRounds;
    private final int maxRounds;
    private final int sharePercent;

    /** @param jvmPids the JVMs to wait for: the server's, if it is one, and this process (the client) */
    public WarmUp(List<Long> jvmPids) {
        this(jvmPids, MIN_ROUNDS, MAX_ROUNDS, COMPILER_SHARE_PERCENT);
    }

    private WarmUp(List<Long> jvmPids, int minRounds, int maxRounds, int sharePercent) {
        this.jvmPids = List.copyOf(jvmPids);
        this.minRounds = minRounds;
        this.maxRounds = maxRounds;
        this.sharePercent = sharePercent;
    }

    /**
     * For rounds run by the kernel client in a VM, whose only JVM is the server's, if it is one ({@code
     * jvmServerPids} empty for ganesha): one round at least, for the server's caches, and for a JVM server more
     * until its compiler has settled. Its host-side warm-up does not settle it for the kernel client, which takes
     * other paths: after one fixed VM round, Strata's compilers still used 40-50% of its CPU while the VM's
     * metadata loop ran, and on two cores that CPU is taken from the emulated client.
     */
    public static WarmUp throughVm(List<Long> jvmServerPids) {
        return new WarmUp(jvmServerPids, 1, VM_MAX_ROUNDS, VM_COMPILER_SHARE_PERCENT);
    }

    /** For a server that is this process or not a JVM: waits for this process only. */
    public static WarmUp self() {
        return new WarmUp(List.of(ProcessHandle.current().pid()));
    }

    /** For a server in a process of its own, and this process as its client. */
    public static WarmUp serverAndSelf(long serverPid) {
        return new WarmUp(List.of(serverPid, ProcessHandle.current().pid()));
    }

    /** One round of a workload: runs it and returns its throughput. */
    @FunctionalInterface
    public interface Round {
        double run(int round) throws Exception;
    }

    /** Runs rounds until steady and prints one line: how many rounds, the first and the last figure. */
    public void untilSteady(String server, String workload, Round round) throws Exception {
        double first = 0;
        double last = 0;
        double share = 1;
        int rounds = 0;
        while (rounds < maxRounds && (rounds < minRounds || compiling(share))) {
            long[][] before = ticks();
            last = round.run(rounds++);
            share = compilerShare(before, ticks());
            if (rounds == 1) {
                first = last;
            }
        }
        System.out.printf(Locale.ROOT, "  warm-up %-8s %-28s %2d rounds: cold %10.1f, warm %10.1f, compiling %4.1f%% of CPU%s%n",
                server, workload, rounds, first, last, share * 100,
                compiling(share) ? " (NOT STEADY at the cap)" : "");
    }

    /** Whether a round's compiler share is still at or above this warm-up's mark. */
    private boolean compiling(double share) {
        return share * 100 >= sharePercent;
    }

    /** The largest share of CPU any of the JVMs spent compiling between the two readings. */
    private static double compilerShare(long[][] before, long[][] after) {
        double worst = 0;
        for (int i = 0; i < before.length; i++) {
            long total = after[i][1] - before[i][1];
            if (total > 0) {
                worst = Math.max(worst, (double) (after[i][0] - before[i][0]) / total);
            }
        }
        return worst;
    }

    /** For each JVM: CPU ticks of its compiler threads, and of all its threads. */
    private long[][] ticks() {
        long[][] t = new long[jvmPids.size()][];
        for (int i = 0; i < t.length; i++) {
            t[i] = ticks(jvmPids.get(i));
        }
        return t;
    }

    /** CPU seconds the JVM's compiler threads have used so far; shows the JIT still at work in a measured turn. */
    public static double compilerSeconds(long pid) {
        return ticks(pid)[0] / 100.0;
    }

    private static long[] ticks(long pid) {
        long compiler = 0;
        long all = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    ProcStat thread = ProcStat.read(task.resolve("stat"));
                    all += thread.cpuTicks();
                    if (thread.name().contains("CompilerThre")) {
                        compiler += thread.cpuTicks();
                    }
                } catch (IOException e) {
                    // the thread ended between listing and reading; its ticks leave both sums alike
                }
            }
        } catch (IOException e) {
            return new long[] {0, 0};
        }
        return new long[] {compiler, all};
    }
}
