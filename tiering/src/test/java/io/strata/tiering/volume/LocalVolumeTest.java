package io.strata.tiering.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** Writebacks started while a large blob is written neither change its bytes nor outlive an abort. */
    @Test
    void aLargeBlobWrittenInPiecesReadsBackWholeAndAnAbortLeavesNothing() throws IOException {
        LocalVolume volume = new LocalVolume("local-1", Tier.NVME, dir);
        byte[] piece = new byte[1 << 20];
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        BlobWriter w = volume.create("a1b2c3");
        for (int i = 0; i < 3 * (EarlyWriteback.EVERY_BYTES >> 20) + 1; i++) {
            random.nextBytes(piece);
            expected.write(piece);
            w.write(ByteBuffer.wrap(piece));
        }
        w.commit();
        byte[] want = expected.toByteArray();
        ByteBuffer got = ByteBuffer.allocate(want.length);
        try (BlobReader r = volume.open("a1b2c3")) {
            assertEquals(want.length, r.size());
            while (got.hasRemaining() && r.read(got, got.position()) > 0) {
                // read on
            }
        }
        assertArrayEquals(want, got.array(), "the bytes written");

        BlobWriter aborted = volume.create("d4e5f6");
        for (int i = 0; i < 2 * (EarlyWriteback.EVERY_BYTES >> 20); i++) {
            aborted.write(ByteBuffer.wrap(piece));
        }
        aborted.abort();
        assertFalse(volume.exists("d4e5f6"), "an aborted blob is gone");
    }

    /** NFS writes land out of order from several threads; writebacks started meanwhile change no byte. */
    @Test
    void aRandomBlobWrittenOutOfOrderFromSeveralThreadsReadsBackWhole() throws Exception {
        LocalVolume volume = new LocalVolume("local-1", Tier.NVME, dir);
        int pieces = (int) (3 * (EarlyWriteback.EVERY_BYTES >> 20)) + 1;
        byte[] want = new byte[pieces << 20];
        new Random(11).nextBytes(want);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(5));
        try (RandomBlob blob = volume.createRandom("f0e1d2")) {
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int i : order) {
                done.add(writers.submit(() -> {
                    blob.write(ByteBuffer.wrap(want, i << 20, 1 << 20), (long) i << 20);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            blob.sync();
            ByteBuffer got = ByteBuffer.allocate(want.length);
            while (got.hasRemaining() && blob.read(got, got.position()) > 0) {
                // read on
            }
            assertArrayEquals(want, got.array(), "the bytes written");
        }
    }
}
