package io.strata.bench.nfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The NFS rows, each against one server through {@link Nfs3Client}; each returns its figure. */
final class NfsWorkloads {
    static final int MIB = 1 << 20;

    private final Nfs3Client nfs;
    private final int threads;
    private final byte[] work;

    NfsWorkloads(Nfs3Client nfs, int threads, String runId) throws IOException {
        this.nfs = nfs;
        this.threads = threads;
        this.work = nfs.mkdir(nfs.root, "bench-" + runId);
    }

    interface Task {
        void run(int thread) throws IOException;
    }

    /** Runs {@code task} on every thread and returns the elapsed seconds. */
    double parallel(Task task) throws Exception {
        List<Thread> ts = new ArrayList<>();
        List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            int id = i;
            Thread t = new Thread(() -> {
                try {
                    task.run(id);
                } catch (Exception e) {
                    errors.add(e);
                }
            });
            t.start();
            ts.add(t);
        }
        for (Thread t : ts) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Writes {@code bytes} in 1 MiB UNSTABLE writes from all threads, then COMMIT; MiB/s. */
    double sequentialWrite(byte[][] file, long bytes, String name) throws Exception {
        byte[] fh = nfs.create(work, name);
        file[0] = fh;
        byte[] block = new byte[MIB];
        new Random(1).nextBytes(block);
        AtomicLong next = new AtomicLong();
        long t0 = System.nanoTime();
        parallel(t -> {
            for (long off; (off = next.getAndAdd(MIB)) < bytes; ) {
                nfs.write(fh, off, block, 0);
            }
        });
        nfs.commit(fh);
        return bytes / (double) MIB / ((System.nanoTime() - t0) / 1e9);
    }

    /** Removes a file of the work directory. */
    void remove(String name) throws IOException {
        nfs.remove(work, name);
    }

    /** Reads the file in 1 MiB reads from all threads; MiB/s. */
    double sequentialRead(byte[] fh, long bytes) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong got = new AtomicLong();
        double s = parallel(t -> {
            for (long off; (off = next.getAndAdd(MIB)) < bytes; ) {
                got.addAndGet(nfs.read(fh, off, MIB));
            }
        });
        if (got.get() != bytes) {
            throw new IOException("read " + got.get() + " of " + bytes + " bytes");
        }
        return bytes / (double) MIB / s;
    }

    /** 4 KiB reads at random aligned offsets for {@code seconds}; ops/s. */
    double randomReads(byte[] fh, long bytes, double seconds) throws Exception {
        AtomicLong ops = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        double s = parallel(t -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                nfs.read(fh, r.nextLong(bytes / 4096) * 4096, 4096);
                ops.incrementAndGet();
            }
        });
        return ops.get() / s;
    }

    /**
     * create, getattr, READDIRPLUS, rename, remove of {@code files} files, then mkdir and rmdir of as many
     * directories; ops/s for each.
     */
    double[] metadata(int files) throws Exception {
        byte[] dir = nfs.mkdir(work, "meta-" + files + "-" + System.nanoTime());
        byte[][] handles = new byte[files][];
        double create = files / eachOnce(files, i -> handles[i] = nfs.create(dir, "f" + i));
        double getattr = files / eachOnce(files, i -> nfs.getattr(handles[i]));
        long t0 = System.nanoTime();
        int listed = nfs.readdirplus(dir);
        double readdirplus = listed / ((System.nanoTime() - t0) / 1e9);
        if (listed < files) {
            throw new IOException("READDIRPLUS returned " + listed + " of " + files + " entries");
        }
        double rename = files / eachOnce(files, i -> nfs.rename(dir, "f" + i, "r" + i));
        double remove = files / eachOnce(files, i -> nfs.remove(dir, "r" + i));
        double mkdir = files / eachOnce(files, i -> nfs.mkdir(dir, "d" + i));
        double rmdir = files / eachOnce(files, i -> nfs.rmdir(dir, "d" + i));
        return new double[] {create, getattr, readdirplus, rename, remove, mkdir, rmdir};
    }

    interface IndexTask {
        void run(int index) throws IOException;
    }

    /** Runs {@code task} once for each index below {@code n}, the threads taking the next one free; seconds. */
    private double eachOnce(int n, IndexTask task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return parallel(t -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                task.run(i);
            }
        });
    }
}
