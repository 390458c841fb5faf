package io.strata.tiering.volume.cloud;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Bytes stored under a volume's prefix. Listing a bucket costs one request per 1000 objects, so it is done once, in
 * the background, when the volume opens; after that commits and deletes keep the figure current. Objects written
 * while the listing runs may be counted twice (once listed, once committed): the figure is an estimate, not a bill.
 */
final class UsageCounter {
    private static final Logger LOG = LoggerFactory.getLogger(UsageCounter.class);
    /** After a failed listing (endpoint down), the next one is tried no sooner than this. */
    private static final long RETRY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String volumeId;
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    /** Every byte committed minus every byte deleted since the volume opened. */
    private final AtomicLong changes = new AtomicLong();
    /** The listed sum less the changes seen before the listing started. */
    private volatile long base;
    private volatile boolean known;
    private final AtomicBoolean listing = new AtomicBoolean();
    private volatile long lastAttempt;
    private volatile boolean closed;

    UsageCounter(String volumeId, S3Client s3, String bucket, String prefix) {
        this.volumeId = volumeId;
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** Starts the listing unless one runs or one failed less than a minute ago. */
    void start() {
        long now = System.nanoTime();
        if (closed || (lastAttempt != 0 && now - lastAttempt < RETRY_NANOS) || !listing.compareAndSet(false, true)) {
            return;
        }
        lastAttempt = now;
        Thread t = new Thread(this::list, "s3-usage-" + volumeId);
        t.setDaemon(true);
        t.start();
    }

    private void list() {
        long before = changes.get();
        try {
            long sum = 0;
            long count = 0;
            ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            for (S3Object o : s3.listObjectsV2Paginator(req).contents()) {
                if (closed) {
                    return;
                }
                sum += o.size();
                count++;
            }
            base = sum - before;
            known = true;
            LOG.info("volume {}: {} objects, {} bytes under s3://{}/{}", volumeId, count, sum, bucket, prefix);
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("volume {}: cannot list s3://{}/{} to count its usage, retried later: {}", volumeId, bucket,
                        prefix, S3Errors.rootMessage(e));
            }
        } finally {
            listing.set(false);
        }
    }

    void added(long bytes) {
        changes.addAndGet(bytes);
    }

    void removed(long bytes) {
        changes.addAndGet(-bytes);
    }

    /** Bytes under the prefix, or -1 while the first listing has not finished (it is retried if it failed). */
    long usedBytes() {
        if (!known) {
            start();
            return -1;
        }
        return Math.max(0, base + changes.get());
    }

    void close() {
        closed = true;
    }
}
