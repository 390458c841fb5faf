package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.server.metrics.PrometheusText;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** A real node: S3 calls through the SDK show up in the node's scrape with the right counts and bytes. */
class MetricsIT {
    static final Map<String, String> PUT_OK = Map.of("operation", "PutObject", "status", "200");

    @TempDir
    Path dir;
    StrataServer server;
    S3Client s3;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(dir);
        s3 = TestServers.s3Client(server.s3Port());
    }

    @AfterEach
    void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
    }

    PrometheusText scrape() {
        return PrometheusText.parse(server.metrics().scrape());
    }

    double value(PrometheusText t, String name, Map<String, String> labels) {
        return t.value(name, labels).orElse(0.0);
    }

    /**
     * The scrape once {@code ready} holds: a request is recorded when its last byte is written, which may be a
     * moment after the client has read it.
     */
    PrometheusText scrapeWhen(Predicate<PrometheusText> ready) throws InterruptedException {
        PrometheusText t = scrape();
        for (int i = 0; i < 100 && !ready.test(t); i++) {
            Thread.sleep(20);
            t = scrape();
        }
        return t;
    }

    @Test
    void s3RequestsAndTheirTransactionsAreCounted() throws Exception {
        s3.createBucket(b -> b.bucket("metered"));
        long sent = 0;
        for (int i = 0; i < 3; i++) {
            byte[] body = new byte[1000 * (i + 1)];
            s3.putObject(b -> b.bucket("metered").key("k" + body.length), RequestBody.fromBytes(body));
            sent += body.length;
        }
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket("metered").key("missing")));
        s3.listObjectsV2(b -> b.bucket("metered"));

        PrometheusText t = scrapeWhen(x -> value(x, "strata_s3_requests_seconds_count",
                Map.of("operation", "ListObjectsV2", "status", "200")) == 1);
        assertEquals(3, value(t, "strata_s3_requests_seconds_count", PUT_OK));
        assertTrue(value(t, "strata_s3_requests_seconds_sum", PUT_OK) > 0);
        assertEquals(3, value(t, "strata_s3_requests_seconds_bucket",
                Map.of("operation", "PutObject", "status", "200", "le", "+Inf")));
        assertEquals(1, value(t, "strata_s3_requests_seconds_count",
                Map.of("operation", "CreateBucket", "status", "200")));
        assertEquals(1, value(t, "strata_s3_requests_seconds_count",
                Map.of("operation", "GetObject", "status", "404")));
        assertTrue(value(t, "strata_s3_bytes_in_total", Map.of()) >= sent,
                "at least the payloads (the SDK may add chunk signatures)");
        assertTrue(value(t, "strata_meta_transactions_seconds_count", Map.of("outcome", "committed")) >= 4,
                "a bucket and three objects committed");
        assertTrue(t.value("strata_meta_transaction_conflicts_total").isPresent());
        assertTrue(t.value("strata_nfs_bytes_read_total").isPresent(), "NFS meters on the same registry");
    }

    @Test
    void aLargeDownloadCountsItsBytesOnce() throws Exception {
        s3.createBucket(b -> b.bucket("big"));
        byte[] body = new byte[6 * 1024 * 1024 + 123];
        new Random(7).nextBytes(body);
        s3.putObject(b -> b.bucket("big").key("blob"), RequestBody.fromBytes(body));
        Map<String, String> getOk = Map.of("operation", "GetObject", "status", "200");

        PrometheusText before = scrape();
        assertEquals(body.length, s3.getObjectAsBytes(b -> b.bucket("big").key("blob")).asByteArray().length);
        PrometheusText after = scrapeWhen(x -> value(x, "strata_s3_requests_seconds_count", getOk) == 1);

        assertEquals(1, value(after, "strata_s3_requests_seconds_count", getOk));
        assertEquals((double) body.length, value(after, "strata_s3_bytes_out_total", Map.of())
                - value(before, "strata_s3_bytes_out_total", Map.of()), "the file's bytes, once");
    }
}
