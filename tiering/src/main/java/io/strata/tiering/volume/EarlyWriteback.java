package io.strata.tiering.volume;

import io.strata.tiering.thread.DaemonThreads;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes a data file being written every {@value #EVERY_BYTES} bytes, on a writeback thread, so that the disk
 * writes while the client still sends, instead of all at once in the fsync that acknowledges the upload or the NFS
 * COMMIT: with the kernel's default dirty limits a large write otherwise sits in the page cache until that fsync,
 * and the client waits for all of it. At most one flush per file runs at a time; writers never wait for one.
 */
final class EarlyWriteback {
    private static final Logger LOG = LoggerFactory.getLogger(EarlyWriteback.class);
    /** How many bytes a file collects before a writeback starts. */
    static final long EVERY_BYTES = 8L << 20;
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(4,
            DaemonThreads.named("strata-writeback"));

    private final Path path;
    private final FileChannel ch;
    private final AtomicLong unflushed = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();

    EarlyWriteback(Path path, FileChannel ch) {
        this.path = path;
        this.ch = ch;
    }

    /** Counts bytes just written (by any thread), and starts a writeback once enough have collected. */
    void wrote(long bytes) {
        if (unflushed.addAndGet(bytes) >= EVERY_BYTES && running.compareAndSet(false, true)) {
            unflushed.set(0);
            THREADS.execute(this::flush);
        }
    }

    private void flush() {
        try {
            ch.force(false);
        } catch (ClosedChannelException e) {
            // Committed (with its own fsync) or aborted meanwhile: nothing left to do.
        } catch (IOException e) {
            LOG.debug("early writeback of {} failed; the acknowledging fsync will report it: {}", path, e.toString());
        } finally {
            running.set(false);
        }
    }
}
