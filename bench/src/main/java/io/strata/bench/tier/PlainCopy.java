package io.strata.bench.tier;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The peer of a move between two local volumes: {@code Files.copy} of the same number of files of the same size from
 * one directory to another, each fsynced as the mover fsyncs its copies, with as many copies at once as the mover
 * runs moves.
 */
public final class PlainCopy {
    private final Path from;
    private final Path to;
    private final int files;
    private final int fileBytes;

    public PlainCopy(Path dir, int files, int fileBytes) {
        this.from = dir.resolve("from");
        this.to = dir.resolve("to");
        this.files = files;
        this.fileBytes = fileBytes;
    }

    /** Writes the source files, synced, so that the copy does not compete with their write-back. */
    public void prepare() throws IOException {
        Files.createDirectories(from);
        Files.createDirectories(to);
        byte[] data = new byte[fileBytes];
        new Random(fileBytes).nextBytes(data);
        for (int i = 0; i < files; i++) {
            Path f = from.resolve("f" + i);
            Files.write(f, data);
            sync(f);
        }
    }

    /** Copies every file with {@code threads} at once; returns MiB/s. */
    public double copy(int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                String name = "f" + i;
                done.add(pool.submit(() -> {
                    Path target = to.resolve(name);
                    Files.copy(from.resolve(name), target);
                    sync(target);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return (double) files * fileBytes / (1024 * 1024) / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
