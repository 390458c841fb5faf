package io.strata.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's temporary directory (servers' data, logs). Removed when the run ends: a full-size run leaves
 * gigabytes, and runs left behind once filled this machine's disk to 98%, which slows every later write. After a
 * failure only the Strata log stays, for the post-mortem.
 */
public final class WorkDirectory {
    /** Where {@link StrataProcess} writes the server's output. */
    public static final String STRATA_LOG = "strata-bench.log";

    private WorkDirectory() {
    }

    public static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    /** Deletes the directory and all in it. */
    public static void remove(Path dir) throws IOException {
        deleteTree(dir, null);
    }

    /** Deletes all but the Strata log and returns the log's path, for the message of the failure. */
    public static Path removeKeepingLog(Path dir) throws IOException {
        Path log = dir.resolve(STRATA_LOG);
        deleteTree(dir, log);
        return log;
    }

    /** Deletes the directory and all in it, except {@code keep} (null: nothing) and the directories above it. */
    private static void deleteTree(Path dir, Path keep) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (keep == null || !keep.startsWith(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
