package io.strata.bench.tier;

import io.strata.bench.S3Workloads;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Many small objects for the policy evaluation, written over S3 with many PUTs in flight. Small enough to be kept
 * inline in the metadata store, so writing 100,000 of them costs metadata and no volume files. Names cycle through
 * the shapes {@link PolicyEvaluation#RULES} tests (logs, data, scratch, documents) so that each glob sees both
 * matches and misses.
 */
public final class SmallObjects {
    public static final String BUCKET = "many";
    private static final int BYTES = 1024;

    private SmallObjects() {
    }

    static String key(int i) {
        return switch (i % 4) {
            case 0 -> "logs/2025/" + (i % 12 + 1) + "/app-" + i + ".log.gz";
            case 1 -> "data/part-" + i + ".bin";
            case 2 -> "tmp/job-" + (i % 97) + "/scratch-" + i;
            default -> "docs/" + (i % 31) + "/note-" + i + ".txt";
        };
    }

    /** Writes {@code count} objects with {@code threads} PUTs at once; returns PUTs per second. */
    public static double write(S3Client s3, int threads, int count) throws Exception {
        s3.createBucket(b -> b.bucket(BUCKET));
        byte[] data = new byte[BYTES];
        new Random(BYTES).nextBytes(data);
        double seconds = new S3Workloads(s3, threads, BUCKET).timed(count,
                i -> s3.putObject(b -> b.bucket(BUCKET).key(key(i)), RequestBody.fromBytes(data)));
        return count / seconds;
    }
}
