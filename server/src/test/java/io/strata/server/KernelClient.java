package io.strata.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a bash script on a real Linux kernel NFS mount (NFSv3 unless asked otherwise) of a Strata export, through the linux-nfs-client tool (a
 * small VM; see its README). The script runs in /mnt; its stdout lines reach {@code onLine} as they come, so a test
 * can act (restart or kill the server) at a point the script announces.
 */
final class KernelClient {
    record Result(int exit, List<String> lines, String stderr) {
        String describe() {
            return "exit " + exit + "\n--- stdout ---\n" + String.join("\n", lines) + "\n--- stderr ---\n" + stderr;
        }

        String out() {
            return String.join("\n", lines);
        }
    }

    private KernelClient() {
    }

    static Result run(int nfsPort, String export, String mountOptions, int timeoutSeconds, String script,
                      Consumer<String> onLine) throws Exception {
        return run(nfsPort, nfsPort, export, mountOptions, timeoutSeconds, script, onLine);
    }

    /** @param mountPort where MOUNT answers, for a server that does not serve it on its NFS port */
    static Result run(int nfsPort, int mountPort, String export, String mountOptions, int timeoutSeconds,
                      String script, Consumer<String> onLine) throws Exception {
        return run("3", nfsPort, mountPort, export, mountOptions, timeoutSeconds, script, onLine);
    }

    /**
     * Under emulation a VM very rarely hangs while booting (seen once in many runs: an empty console until the
     * timeout, 15 minutes lost and the test failed for nothing the server did). The script announces itself first;
     * a VM that has not booted, mounted and started it within this many seconds is killed and booted once more.
     * Nothing has reached the server by then, so the retry changes nothing a test checks. The same goes for a QEMU that
     * crashes before the script starts (the tool's status 122, seen once in CI: QEMU exit status 139 while booting).
     */
    static final int BOOT_LIMIT_SECONDS = 240;
    private static final String STARTED = "__kernel_client_script_started__";

    /** @param vers the NFS version to mount ("3", "4.1", "4.2"); NFSv4 exports are paths from the server's root */
    static Result run(String vers, int nfsPort, int mountPort, String export, String mountOptions,
                      int timeoutSeconds, String script, Consumer<String> onLine) throws Exception {
        Attempt first = attempt(vers, nfsPort, mountPort, export, mountOptions, timeoutSeconds, script, onLine);
        if (!first.bootFailed()) {
            return first.result();
        }
        System.err.println("KernelClient: WARNING: the VM failed before the script started (hung for "
                + BOOT_LIMIT_SECONDS + " s, or the tool's status " + VM_FAILED + "); booting once more. Its stderr:\n"
                + first.result().stderr());
        return attempt(vers, nfsPort, mountPort, export, mountOptions, timeoutSeconds, script, onLine).result();
    }

    /** The tool's status for a VM that failed (QEMU error, kernel panic, guest died). */
    private static final int VM_FAILED = 122;

    /** @param bootFailed the VM hung or died before the script started */
    private record Attempt(boolean bootFailed, Result result) {
    }

    private static Attempt attempt(String vers, int nfsPort, int mountPort, String export, String mountOptions,
                                   int timeoutSeconds, String script, Consumer<String> onLine) throws Exception {
        Path tool = Tools.linuxNfsClient();
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), "--vers", vers, "--port",
                Integer.toString(nfsPort), "--export", export, "--timeout", Integer.toString(timeoutSeconds)));
        if (vers.equals("3")) {
            cmd.addAll(List.of("--mountport", Integer.toString(mountPort)));
        }
        if (!mountOptions.isEmpty()) {
            cmd.addAll(List.of("--opts", mountOptions));
        }
        Path err = Files.createTempFile("lnc-err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("echo " + STARTED + "\n" + script).getBytes(StandardCharsets.UTF_8));
        }
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean killed = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(BOOT_LIMIT_SECONDS * 1000L);
                if (!started.get() && p.isAlive()) {
                    killed.set(true);
                    p.destroy(); // SIGTERM: the tool stops its VM
                }
            } catch (InterruptedException e) {
                // the run ended first
            }
        }, "kernel-client-boot-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!started.get() && line.equals(STARTED)) {
                    started.set(true);
                    continue;
                }
                lines.add(line);
                onLine.accept(line);
            }
        } finally {
            watchdog.interrupt();
        }
        if (!p.waitFor(timeoutSeconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        p.waitFor();
        String stderr = read(err);
        Files.deleteIfExists(err);
        boolean bootFailed = !started.get() && (killed.get() || p.exitValue() == VM_FAILED);
        return new Attempt(bootFailed, new Result(p.exitValue(), lines, stderr));
    }

    static Result run(int nfsPort, String export, String script) throws Exception {
        return run(nfsPort, export, "", 900, script, line -> { });
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
