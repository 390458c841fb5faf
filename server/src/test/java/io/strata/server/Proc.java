package io.strata.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion with a time limit; output goes through files (no pipe deadlocks). */
final class Proc {
    private Proc() {
    }

    record Result(List<String> command, int exit, String out, String err) {
        /** Fails the test, showing the command and everything it printed, unless it exited 0. */
        Result ok() {
            if (exit != 0) {
                fail("command failed (exit " + exit + "): " + String.join(" ", command) + "\n--- stdout ---\n" + out
                        + "\n--- stderr ---\n" + err);
            }
            return this;
        }

        /** Fails the test unless the command exited non-zero. */
        Result failed() {
            if (exit == 0) {
                fail("command should have failed but exited 0: " + String.join(" ", command) + "\n--- stdout ---\n"
                        + out + "\n--- stderr ---\n" + err);
            }
            return this;
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (String l : out.split("\n")) {
                if (!l.isBlank()) {
                    lines.add(l.stripTrailing());
                }
            }
            return lines;
        }

        String describe() {
            return String.join(" ", command) + " (exit " + exit + ")\n--- stdout ---\n" + out + "\n--- stderr ---\n"
                    + err;
        }
    }

    static Result run(List<String> command, Map<String, String> env, Path workDir, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        File out = File.createTempFile("proc-out", ".txt");
        File err = File.createTempFile("proc-err", ".txt");
        try {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(out);
            pb.redirectError(err);
            Process p = pb.start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                fail("command did not finish within " + limit + ": " + String.join(" ", command) + "\n--- stdout ---\n"
                        + read(out) + "\n--- stderr ---\n" + read(err));
            }
            return new Result(List.copyOf(command), p.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }

    static String read(File f) throws IOException {
        return Files.readString(f.toPath(), StandardCharsets.UTF_8);
    }
}
