package io.strata.tiering.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalVolumeTest {
    @TempDir
    Path dir;

    /** The probe finds the file system's own limit: a file grows to it and not one byte past it. */
    @Test
    void theLargestFileSizeIsWhatTheFileSystemAcceptsAndNoMore() throws IOException {
        long max = LocalVolume.probeMaxFileSize(dir);
        assertTrue(max >= 1L << 40, "every file system Strata runs on holds at least 1 TiB files: " + max);
        Path file = dir.resolve("sparse");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(max);
            assertEquals(max, f.length());
            if (max < Long.MAX_VALUE) {
                assertThrows(IOException.class, () -> f.setLength(max + 1));
            }
            f.setLength(0);
        }
        Files.delete(file);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "the probe's scratch file is gone");
        }
    }

    @Test
    void aVolumeReportsItsDirectorysLimit() {
        LocalVolume volume = new LocalVolume("local-1", Tier.NVME, dir);
        assertEquals(LocalVolume.probeMaxFileSize(dir), volume.maxFileSize());
    }
}
