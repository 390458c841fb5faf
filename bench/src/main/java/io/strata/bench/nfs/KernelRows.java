package io.strata.bench.nfs;

import io.strata.bench.WarmUp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same kinds of rows through the real Linux kernel client in a VM (linux-nfs-client, fio inside the guest), at
 * smaller sizes. The VM runs under emulation on these machines, so the figures compare servers, not hardware.
 */
final class KernelRows {
    private static final String SCRIPT = """
            set -e
            fio --name=w --filename=k.dat --size=128m --bs=1m --rw=write --direct=1 --end_fsync=1 | grep 'WRITE: bw='
            echo 3 > /proc/sys/vm/drop_caches
            fio --name=r --filename=k.dat --size=128m --bs=1m --rw=read --direct=1 | grep 'READ: bw='
            fio --name=rr --filename=k.dat --size=128m --bs=4k --rw=randread --direct=1 --ioengine=libaio \\
                --iodepth=16 --runtime=15 --time_based | grep 'IOPS='
            rm k.dat
            calls() { echo "calls $1"; awk '/^device .* mounted on \\/mnt /{on=1; next} /^device/{on=0}
                on && /per-op statistics/{p=1; next} on && p' /proc/self/mountstats; }
            mkdir m
            calls 0; t0=$(date +%s.%N); for i in $(seq 1000); do : > m/f$i; done
            t1=$(date +%s.%N); calls 1; echo 3 > /proc/sys/vm/drop_caches; ls -l m > /dev/null
            t2=$(date +%s.%N); calls 2; for i in $(seq 1000); do mv m/f$i m/g$i; done
            t3=$(date +%s.%N); calls 3; rm -r m
            t4=$(date +%s.%N); calls 4
            echo "meta $t0 $t1 $t2 $t3 $t4"
            """;

    /** The metadata steps whose NFS calls get a mean round trip, in the script's order (ls -l makes few calls). */
    private static final String[] STEPS = {"create", null, "rename", "rm -r"};

    /**
     * The same steps, smaller and unmeasured, repeated until the server has settled ({@link WarmUp#throughVm}).
     * Without it, the first {@code ls -l} over NFSv4 was the first NFSv4 READDIR the server ever ran: Strata spent
     * 33 ms per call in code the JIT had not compiled yet, against 8 ms once it had, and the row measured the JIT.
     */
    private static final String WARM_UP = """
            set -e
            fio --name=w --filename=k.dat --size=16m --bs=1m --rw=write --direct=1 --end_fsync=1 > /dev/null
            fio --name=rr --filename=k.dat --size=16m --bs=4k --rw=randread --direct=1 --ioengine=libaio \\
                --iodepth=16 --runtime=3 --time_based > /dev/null
            rm k.dat
            for round in 1 2 3; do
              mkdir w
              for i in $(seq 300); do : > w/f$i; done
              echo 3 > /proc/sys/vm/drop_caches; ls -l w > /dev/null
              for i in $(seq 300); do mv w/f$i w/g$i; done
              rm -r w
            done
            """;

    private KernelRows() {
    }

    /** Runs the steps of {@link #run}, smaller, for the server's sake, until {@code warm} finds it settled. */
    static void warmUp(Path tool, String vers, int port, int mountPort, String export, String server, WarmUp warm)
            throws Exception {
        warm.untilSteady(server, "VM v" + vers + " round (rounds/hour)", round -> {
            long start = System.nanoTime();
            execute(tool, vers, port, mountPort, export, WARM_UP);
            return 3600e9 / (System.nanoTime() - start);
        });
    }

    /**
     * One server's figures: row name to value, and the mean round trip (ms) of each kind of NFS call that a
     * metadata step made at least once per two files ({@link MountStats}).
     */
    record Figures(Map<String, Double> rows, Map<String, Double> roundTrips) {
    }

    /** One run of the steps on a server, mounted with NFS version {@code vers} ("3", "4.1", "4.2"). */
    static Figures run(Path tool, String vers, int port, int mountPort, String export)
            throws IOException, InterruptedException {
        String out = execute(tool, vers, port, mountPort, export, SCRIPT);
        Map<String, Double> rows = new LinkedHashMap<>();
        String vm = vers.equals("3") ? "VM " : "VM v" + vers + " ";
        rows.put(vm + "seq write 128 MiB, 1 MiB direct (MiB/s)", bandwidth(out, "WRITE: bw="));
        rows.put(vm + "seq read 128 MiB, 1 MiB direct (MiB/s)", bandwidth(out, "READ: bw="));
        rows.put(vm + "4 KiB random read, depth 16 (ops/s)", iops(out));
        Matcher m = Pattern.compile("meta ([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+) ([\\d.]+)").matcher(out);
        if (!m.find()) {
            throw new IOException("no metadata timings in:\n" + out);
        }
        double[] t = new double[5];
        for (int i = 0; i < 5; i++) {
            t[i] = Double.parseDouble(m.group(i + 1));
        }
        rows.put(vm + "create 1,000 files (ops/s)", 1000 / (t[1] - t[0]));
        rows.put(vm + "ls -l of 1,000 files, cold (entries/s)", 1000 / (t[2] - t[1]));
        rows.put(vm + "rename 1,000 files (ops/s)", 1000 / (t[3] - t[2]));
        rows.put(vm + "rm -r of 1,000 files (ops/s)", 1000 / (t[4] - t[3]));
        return new Figures(rows, roundTrips(out, vm));
    }

    /** Per step, the mean round trip of each kind of call it made 500 times or more, from the snapshots between. */
    private static Map<String, Double> roundTrips(String out, String vm) throws IOException {
        List<Map<String, MountStats.Calls>> snapshots = new ArrayList<>();
        for (int i = 0; i <= STEPS.length; i++) {
            Matcher m = Pattern.compile("(?s)calls " + i + "\\n(.*?)(?=\\ncalls |\\nmeta )").matcher(out);
            if (!m.find()) {
                throw new IOException("no NFS call counts (calls " + i + ") in:\n" + out);
            }
            snapshots.add(MountStats.parse(m.group(1)));
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (int i = 0; i < STEPS.length; i++) {
            if (STEPS[i] != null) {
                String step = STEPS[i];
                MountStats.meanRoundTrips(snapshots.get(i), snapshots.get(i + 1), 500)
                        .forEach((op, ms) -> means.put(vm + step + ": " + op, ms));
            }
        }
        return means;
    }

    /** Runs {@code script} in a VM on the server's export; its standard output. */
    private static String execute(Path tool, String vers, int port, int mountPort, String export, String script)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), "--vers", vers, "--port",
                String.valueOf(port), "--export", export, "--timeout", "900"));
        if (vers.equals("3")) {
            cmd.addAll(List.of("--mountport", String.valueOf(mountPort)));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(960, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("kernel client run failed:\n" + out);
        }
        return out;
    }

    private static double bandwidth(String out, String marker) throws IOException {
        Matcher m = Pattern.compile(Pattern.quote(marker) + "([\\d.]+)([KMG]i?B)/s").matcher(out);
        if (!m.find()) {
            throw new IOException("no '" + marker + "' in:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2).charAt(0)) {
            case 'K' -> v / 1024;
            case 'G' -> v * 1024;
            default -> v;
        };
    }

    private static double iops(String out) throws IOException {
        Matcher m = Pattern.compile("IOPS=([\\d.]+)(k?)").matcher(out);
        if (!m.find()) {
            throw new IOException("no IOPS in:\n" + out);
        }
        return Double.parseDouble(m.group(1)) * (m.group(2).isEmpty() ? 1 : 1000);
    }
}
