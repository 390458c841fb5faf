package io.strata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void removeDeletesEverything() throws Exception {
        Path work = filledWorkDirectory();
        WorkDirectory.remove(work);
        assertFalse(Files.exists(work));
    }

    @Test
    void afterAFailureOnlyTheStrataLogStays() throws Exception {
        Path work = filledWorkDirectory();
        Path log = WorkDirectory.removeKeepingLog(work);
        assertEquals(work.resolve("strata-bench.log"), log);
        assertEquals("server output", Files.readString(log));
        try (var left = Files.list(work)) {
            assertEquals(1, left.count(), "only the log is left");
        }
    }

    @Test
    void aMissingDirectoryIsNotAnError() throws Exception {
        WorkDirectory.remove(tmp.resolve("never-made"));
        assertTrue(Files.exists(tmp));
    }

    private Path filledWorkDirectory() throws Exception {
        Path work = Files.createDirectory(tmp.resolve("work"));
        Files.createDirectories(work.resolve("strata/meta/wal"));
        Files.write(work.resolve("strata/meta/wal/0001.wal"), new byte[4096]);
        Files.createDirectories(work.resolve("s3proxy/bench-s3proxy"));
        Files.writeString(work.resolve("s3proxy/bench-s3proxy/key"), "bytes");
        Files.writeString(work.resolve(WorkDirectory.STRATA_LOG), "server output");
        return work;
    }
}
