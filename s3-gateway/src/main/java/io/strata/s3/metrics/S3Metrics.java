package io.strata.s3.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the S3 API reports: each request's latency by operation and HTTP status, and body bytes in and out.
 * Timers are looked up once per (operation, status) and kept, so a request records without building a meter id.
 */
public final class S3Metrics {
    /** Requests refused before an operation was chosen (bad signature, unsupported subresource, bad method). */
    public static final String UNKNOWN_OPERATION = "Unknown";

    private static final int MAX_STATUS = 600;

    private final MeterRegistry registry;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final ConcurrentMap<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

    public S3Metrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesIn = Counter.builder("strata.s3.bytes.in")
                .description("Request body bytes received, as they arrived (aws-chunked framing included)")
                .register(registry);
        this.bytesOut = Counter.builder("strata.s3.bytes.out")
                .description("Response body bytes written to clients (file regions and streamed bytes included)")
                .register(registry);
    }

    /** One answered request: from its head arriving to its response written out. */
    public void request(String operation, int status, long nanos) {
        timer(operation, status).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void bytesIn(long n) {
        bytesIn.increment(n);
    }

    public void bytesOut(long n) {
        bytesOut.increment(n);
    }

    private Timer timer(String operation, int status) {
        AtomicReferenceArray<Timer> byStatus = timers.get(operation);
        if (byStatus == null) {
            byStatus = timers.computeIfAbsent(operation, o -> new AtomicReferenceArray<>(MAX_STATUS));
        }
        int slot = status >= 0 && status < MAX_STATUS ? status : 0;
        Timer t = byStatus.get(slot);
        if (t == null) {
            // A race registers the same id twice: the registry hands back the one meter either way.
            t = Timer.builder("strata.s3.requests")
                    .description("S3 requests, from the request head arriving to the response written")
                    .tag("operation", operation)
                    .tag("status", Integer.toString(status))
                    .publishPercentileHistogram()
                    .register(registry);
            byStatus.set(slot, t);
        }
        return t;
    }
}
