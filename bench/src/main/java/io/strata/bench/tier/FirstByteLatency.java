package io.strata.bench.tier;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Time to the first byte of small ranged GETs, one at a time so that each figure is a latency and not a queue.
 * Offsets and files come from a fixed seed: both servers answer the same requests in the same order.
 */
public final class FirstByteLatency {
    private static final int RANGE = 4096;

    private final S3Client s3;
    private final String bucket;
    private final IntFunction<String> key;
    private final int files;
    private final int fileBytes;

    /** @param key the object key of file {@code i} on this server */
    public FirstByteLatency(S3Client s3, String bucket, IntFunction<String> key, int files, int fileBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.files = files;
        this.fileBytes = fileBytes;
    }

    /** Percentiles in milliseconds of {@code count} ranged GETs of 4 KiB. */
    public Percentiles measure(int count) throws Exception {
        Random r = new Random(7);
        long[] nanos = new long[count];
        byte[] buf = new byte[RANGE];
        for (int i = 0; i < count; i++) {
            String k = key.apply(r.nextInt(files));
            long first = (long) r.nextInt(fileBytes / RANGE) * RANGE;
            String range = "bytes=" + first + "-" + (first + RANGE - 1);
            long start = System.nanoTime();
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(k).range(range))) {
                if (in.read() < 0) {
                    throw new IllegalStateException("empty range " + range + " of " + k);
                }
                nanos[i] = System.nanoTime() - start;
                drain(in, buf, RANGE - 1, k);
            }
        }
        Arrays.sort(nanos);
        return new Percentiles(nanos[count / 2] / 1e6, nanos[Math.min(count - 1, count * 99 / 100)] / 1e6);
    }

    private static void drain(InputStream in, byte[] buf, int expected, String key) throws Exception {
        int got = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            got += n;
        }
        if (got != expected) {
            throw new IllegalStateException("ranged GET of " + key + " returned " + (got + 1) + " bytes, not " + RANGE);
        }
    }

    public record Percentiles(double p50Millis, double p99Millis) {
    }
}
