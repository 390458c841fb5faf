package io.strata.bench.nfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;

/** The NFS rows, each against one server through {@link Nfs3Client}; each returns its figure. */
final class NfsWorkloads {
    static final int MIB = 1 << 20;

    private final Nfs3Client nfs;
    private final int threads;
    private final byte[] work;
    /** CPU seconds the server process has used so far (NaN where /proc cannot tell). */
    private final DoubleSupplier serverCpuSeconds;

    NfsWorkloads(Nfs3Client nfs, int threads, String runId, DoubleSupplier serverCpuSeconds) throws IOException {
        this.nfs = nfs;
        this.threads = threads;
        this.work = nfs.mkdir(nfs.root, "bench-" + runId);
        this.serverCpuSeconds = serverCpuSeconds;
    }

    /** A metadata row: its rate, and the server's CPU time per operation in microseconds. */
    record MetaRow(double perSecond, double serverCpuMicros) {
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
     * directories; for each, ops/s (entries/s for READDIRPLUS) and the server's CPU per operation (per entry).
     */
    MetaRow[] metadata(int files) throws Exception {
        byte[] dir = nfs.mkdir(work, "meta-" + files + "-" + System.nanoTime());
        byte[][] handles = new byte[files][];
        MetaRow create = eachOnce(files, i -> handles[i] = nfs.create(dir, "f" + i));
        MetaRow getattr = eachOnce(files, i -> nfs.getattr(handles[i]));
        int[] listed = new int[1];
        MetaRow readdirplus = measured(() -> listed[0] = nfs.readdirplus(dir), () -> listed[0]);
        if (listed[0] < files) {
            throw new IOException("READDIRPLUS returned " + listed[0] + " of " + files + " entries");
        }
        MetaRow rename = eachOnce(files, i -> nfs.rename(dir, "f" + i, "r" + i));
        MetaRow remove = eachOnce(files, i -> nfs.remove(dir, "r" + i));
        MetaRow mkdir = eachOnce(files, i -> nfs.mkdir(dir, "d" + i));
        MetaRow rmdir = eachOnce(files, i -> nfs.rmdir(dir, "d" + i));
        return new MetaRow[] {create, getattr, readdirplus, rename, remove, mkdir, rmdir};
    }

    interface IndexTask {
        void run(int index) throws IOException;
    }

    /** Runs {@code task} once for each index below {@code n}, the threads taking the next one free. */
    private MetaRow eachOnce(int n, IndexTask task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return measured(() -> parallel(t -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                task.run(i);
            }
        }), () -> n);
    }

    interface Work {
        void run() throws Exception;
    }

    private MetaRow measured(Work work, IntSupplier operations) throws Exception {
        double cpu0 = serverCpuSeconds.getAsDouble();
        long t0 = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = serverCpuSeconds.getAsDouble() - cpu0;
        int ops = operations.getAsInt();
        return new MetaRow(ops / seconds, cpu * 1e6 / ops);
    }
}
