package io.strata.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.nfs.metrics.NfsMetrics;
import io.strata.nfs.status.NfsStatus;
import io.strata.s3.metrics.S3Metrics;
import io.strata.server.metrics.PrometheusText.Sample;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StrataMetricsTest {
    final StrataMetrics metrics = new StrataMetrics();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void theJvmIsMetered() {
        PrometheusText text = PrometheusText.parse(metrics.scrape());
        assertTrue(text.value("jvm_memory_used_bytes", Map.of("area", "heap", "id", anyHeapPool(text)))
                .orElseThrow() > 0);
        assertTrue(text.value("jvm_threads_live_threads").orElseThrow() > 0);
        assertTrue(text.value("jvm_classes_loaded_classes").orElseThrow() > 0);
        assertTrue(text.value("system_cpu_count").orElseThrow() >= 1);
        assertTrue(text.value("process_uptime_seconds").orElseThrow() > 0);
        assertTrue(text.value("process_files_max_files").orElseThrow() > 0, "file descriptors (Unix)");
        assertTrue(text.value("jvm_gc_memory_allocated_bytes_total").isPresent(), "GC meters bound");
    }

    @Test
    void requestTimersPublishCumulativeLatencyBuckets() {
        S3Metrics s3 = new S3Metrics(metrics.registry());
        s3.request("PutObject", 200, TimeUnit.MILLISECONDS.toNanos(2));
        s3.request("PutObject", 200, TimeUnit.MILLISECONDS.toNanos(40));
        s3.request("PutObject", 200, TimeUnit.SECONDS.toNanos(3));
        NfsMetrics nfs = new NfsMetrics(metrics.registry());
        nfs.nfs3(6, NfsStatus.OK, TimeUnit.MICROSECONDS.toNanos(300));

        PrometheusText text = PrometheusText.parse(metrics.scrape());
        Map<String, String> put = Map.of("operation", "PutObject", "status", "200");
        assertEquals(3, text.value("strata_s3_requests_seconds_count", put).orElseThrow());
        assertEquals(3.042, text.value("strata_s3_requests_seconds_sum", put).orElseThrow(), 1e-6);
        checkBuckets(text.all("strata_s3_requests_seconds_bucket", put), 3);
        checkBuckets(text.all("strata_nfs_operations_seconds_bucket",
                Map.of("procedure", "READ", "status", "NFS3_OK")), 1);
    }

    /** Buckets never decrease with their bound and end at +Inf with every observation. */
    static void checkBuckets(List<Sample> buckets, double count) {
        assertTrue(buckets.size() > 10, "a histogram, not just a count: " + buckets.size());
        double previousBound = Double.NEGATIVE_INFINITY;
        double previous = 0;
        for (Sample b : buckets) {
            double bound = b.labels().get("le").equals("+Inf") ? Double.POSITIVE_INFINITY
                    : Double.parseDouble(b.labels().get("le"));
            assertTrue(bound > previousBound, "buckets in order");
            assertTrue(b.value() >= previous, "cumulative");
            previousBound = bound;
            previous = b.value();
        }
        assertEquals(Double.POSITIVE_INFINITY, previousBound);
        assertEquals(count, previous);
    }

    private static String anyHeapPool(PrometheusText text) {
        return text.all("jvm_memory_used_bytes", Map.of("area", "heap")).stream()
                .filter(s -> s.value() > 0).findFirst().orElseThrow().labels().get("id");
    }
}
