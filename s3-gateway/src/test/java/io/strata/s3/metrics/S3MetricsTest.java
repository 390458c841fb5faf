package io.strata.s3.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class S3MetricsTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final S3Metrics metrics = new S3Metrics(registry);

    @Test
    void eachOperationAndStatusHasItsOwnTimer() {
        metrics.request("PutObject", 200, TimeUnit.MILLISECONDS.toNanos(3));
        metrics.request("PutObject", 200, TimeUnit.MILLISECONDS.toNanos(5));
        metrics.request("PutObject", 403, TimeUnit.MILLISECONDS.toNanos(1));
        metrics.request("GetObject", 404, TimeUnit.MILLISECONDS.toNanos(2));

        Timer ok = registry.get("strata.s3.requests").tags("operation", "PutObject", "status", "200").timer();
        assertEquals(2, ok.count());
        assertEquals(8, ok.totalTime(TimeUnit.MILLISECONDS), 0.001);
        assertEquals(1, registry.get("strata.s3.requests").tags("operation", "PutObject", "status", "403")
                .timer().count());
        assertEquals(1, registry.get("strata.s3.requests").tags("operation", "GetObject", "status", "404")
                .timer().count());
        assertEquals(3, registry.get("strata.s3.requests").timers().size());
    }

    @Test
    void prometheusSeesTheNamesTagsAndLatencyBuckets() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        S3Metrics m = new S3Metrics(prometheus);
        m.request("ListObjectsV2", 200, TimeUnit.MILLISECONDS.toNanos(7));
        m.bytesIn(10);
        m.bytesOut(20);
        String text = prometheus.scrape();
        assertTrue(text.contains("strata_s3_requests_seconds_count{operation=\"ListObjectsV2\",status=\"200\"} 1"),
                text);
        assertTrue(text.contains("strata_s3_requests_seconds_bucket{operation=\"ListObjectsV2\",status=\"200\",le=\""),
                "latency buckets for histogram_quantile");
        assertTrue(text.contains("strata_s3_bytes_in_total 10"), text);
        assertTrue(text.contains("strata_s3_bytes_out_total 20"), text);
    }

    @Test
    void theSameTimerIsReusedAcrossRequests() {
        metrics.request("HeadObject", 200, 1);
        Timer first = registry.get("strata.s3.requests").tags("operation", "HeadObject").timer();
        metrics.request("HeadObject", 200, 1);
        assertSame(first, registry.get("strata.s3.requests").tags("operation", "HeadObject").timer());
        assertEquals(2, first.count());
    }

    @Test
    void bytesAccumulate() {
        metrics.bytesIn(100);
        metrics.bytesIn(23);
        metrics.bytesOut(5L << 30);
        assertEquals(123, registry.get("strata.s3.bytes.in").counter().count());
        assertEquals(5L << 30, registry.get("strata.s3.bytes.out").counter().count());
    }

    @Test
    void anOddStatusStillRecords() {
        metrics.request(S3Metrics.UNKNOWN_OPERATION, 999, 1);
        assertNotNull(registry.get("strata.s3.requests").tags("operation", "Unknown", "status", "999").timer());
    }
}
