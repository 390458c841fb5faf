package io.strata.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** The benchmark's rows, each run with {@code clients} concurrent callers sharing one SDK client. */
public final class S3Workloads {
    private final S3Client s3;
    private final int clients;
    private final String bucket;

    public S3Workloads(S3Client s3, int clients, String bucket) {
        this.s3 = s3;
        this.clients = clients;
        this.bucket = bucket;
    }

    /** Runs {@code count} calls of {@code op(i)} spread over the clients; returns seconds taken. */
    public double timed(int count, IntOp op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < count; i += clients) {
                        op.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /** PUT throughput in MiB/s. */
    public double put(String prefix, int size, int count) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        double s = timed(count, i -> s3.putObject(r -> r.bucket(bucket).key(prefix + i), RequestBody.fromBytes(data)));
        return (double) size * count / (1 << 20) / s;
    }

    /**
     * One read buffer per client thread: a new one per GET was 1.3 GB/s of garbage in this JVM at 5,000 GETs a
     * second, collected during both servers' turns.
     */
    private static final ThreadLocal<byte[]> READ_BUFFER = ThreadLocal.withInitial(() -> new byte[256 * 1024]);

    /** GET throughput in MiB/s, reading every byte. */
    public double get(String prefix, int size, int count) throws Exception {
        double s = timed(count, i -> {
            byte[] buf = READ_BUFFER.get();
            long got = 0;
            try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(prefix + i))) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    got += n;
                }
            }
            if (got != size) {
                throw new IllegalStateException("short GET: " + got + " of " + size);
            }
        });
        return (double) size * count / (1 << 20) / s;
    }

    /** Deletes the keys {@code prefix + i}, i below {@code count}, in one DeleteObjects call. */
    void delete(String prefix, int count) {
        List<ObjectIdentifier> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(ObjectIdentifier.builder().key(prefix + i).build());
        }
        DeleteObjectsResponse r = s3.deleteObjects(d -> d.bucket(bucket).delete(b -> b.objects(keys)));
        if (!r.errors().isEmpty()) {
            throw new IllegalStateException("delete failed: " + r.errors());
        }
    }

    double headOps(String prefix, int count) throws Exception {
        return count / timed(count, i -> s3.headObject(r -> r.bucket(bucket).key(prefix + i)));
    }

    /** Seconds to list {@code expected} keys under the prefix, 1000 a page. */
    double listAll(String prefix, int expected) {
        long start = System.nanoTime();
        int seen = 0;
        String token = null;
        do {
            String t = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).continuationToken(t));
            seen += page.contents().size();
            token = page.nextContinuationToken();
        } while (token != null);
        if (seen != expected) {
            throw new IllegalStateException("listed " + seen + " keys, expected " + expected);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One call of a workload, by index. */
    @FunctionalInterface
    public interface IntOp {
        void run(int i) throws Exception;
    }
}
