package io.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.server.metrics.PrometheusText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tiering journey an admin takes, end to end with real parts: Strata with its admin API, a NAS directory, a
 * cloud bucket on s3proxy, data written over S3 and NFS (libnfs), policies set over HTTP. Files go nvme → nas →
 * cloud and back while S3 and NFS readers check bytes, ETags, listings and inode numbers (the NFS file handle is
 * built from the inode number and generation, so an unchanged inode means an unchanged handle). The cloud
 * endpoint is stopped mid-run: hot data serves, cloud data answers 503, moves resume when it returns.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TieringIT {
    private static final String BUCKET = "data";
    private static final String CLOUD_BUCKET = "cold-archive";

    /** A throttle makes the big file's move last a few seconds, so the readers below overlap it. */
    @RegisterExtension
    static final InJvmServer strata = new InJvmServer("--mover-bandwidth", "8MiB");

    @TempDir
    static Path tmp;
    static CloudEndpoint cloud;

    static byte[] big;
    static byte[] small;
    static byte[] viaNfs;
    static final Map<String, String> etags = new java.util.HashMap<>();
    static final Map<String, Long> inodes = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        Tools.requireLibnfs();
        cloud = CloudEndpoint.start(tmp.resolve("cloud"), CLOUD_BUCKET);

        strata.s3().createBucket(b -> b.bucket(BUCKET));
        big = TestData.random(24 << 20, 41);
        small = "a small object, kept inline in the metadata store\n".getBytes();
        viaNfs = TestData.random(3_000_000, 42);
        strata.s3().putObject(b -> b.bucket(BUCKET).key("set/big.bin").contentType("application/x-test")
                .metadata(Map.of("owner", "team-a")), RequestBody.fromBytes(big));
        strata.s3().putObject(b -> b.bucket(BUCKET).key("set/small.txt"), RequestBody.fromBytes(small));
        Path local = tmp.resolve("via-nfs.bin");
        Files.write(local, viaNfs);
        nfs(Tools.NFS_CP, local.toString(), url("/" + BUCKET + "/set/nfs.bin"));
        strata.s3().putObject(b -> b.bucket(BUCKET).key("hot/keep.txt"), RequestBody.fromString("stays on nvme"));
        for (String key : List.of("set/big.bin", "set/small.txt", "set/nfs.bin")) {
            etags.put(key, strata.s3().headObject(b -> b.bucket(BUCKET).key(key)).eTag());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        TestServers.closeAll(cloud);
    }

    @Test
    @Order(10)
    void volumesAreAddedOverTheAdminApi() throws Exception {
        Path nas = Files.createDirectories(tmp.resolve("nas-mount"));
        strata.admin().expect(201, "POST", "/api/v1/volumes",
                "{\"id\":\"nas-1\",\"tier\":\"nas\",\"path\":\"" + nas + "\"}");
        strata.admin().expect(201, "POST", "/api/v1/volumes", cloud.volumeJson("cloud-1", CLOUD_BUCKET, "strata"));

        JsonNode list = strata.admin().get("/api/v1/volumes").get("volumes");
        Map<String, String> tiers = new java.util.TreeMap<>();
        list.forEach(v -> tiers.put(v.get("id").asText(), v.get("tier").asText()));
        assertEquals(Map.of("local-1", "nvme", "nas-1", "nas", "cloud-1", "cloud"), tiers);
        list.forEach(v -> assertEquals("active", v.get("state").asText(), v.toString()));
        assertTrue(list.toString().contains("******") && !list.toString().contains(CloudEndpoint.SECRET),
                "the cloud secret is never shown: " + list);

        // A wrong bucket is refused with the field at fault, and nothing is added.
        JsonNode bad = strata.admin().expect(400, "POST", "/api/v1/volumes", "{\"id\":\"cloud-2\",\"tier\":\"cloud\","
                + "\"cloud\":{\"endpoint\":\"" + cloud.url() + "\",\"bucket\":\"no-such-bucket\","
                + "\"accessKey\":\"" + CloudEndpoint.ACCESS + "\",\"secretKey\":\"" + CloudEndpoint.SECRET + "\"}}");
        assertEquals("cloud", bad.get("field").asText(), bad.toString());
        assertEquals(3, strata.admin().get("/api/v1/volumes").get("volumes").size());
    }

    @Test
    @Order(20)
    void aPolicyMovesFilesToNasWhileReadersKeepReadingTheSameBytes() throws Exception {
        for (String key : etags.keySet()) {
            inodes.put(key, placement(key).get("inodeId").asLong());
        }
        publish("{\"comment\":\"to the NAS\",\"rules\":[{\"name\":\"set-to-nas\","
                + "\"match\":{\"bucket\":\"data\",\"path\":\"set/**\"},\"target\":{\"tier\":\"nas\"}}]}");

        JsonNode dry = strata.admin().expect(200, "POST", "/api/v1/policies/dry-run", null);
        assertEquals(3, dry.get("files").asLong(), dry.toString());
        assertEquals(big.length + small.length + viaNfs.length, dry.get("bytes").asLong());
        assertEquals("local-1", placement("set/big.bin").get("ranges").get(0).get("volume").asText(),
                "a dry run moves nothing");

        readWhile(() -> {
            strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
            awaitMovesDone();
        });

        for (String key : etags.keySet()) {
            assertOn(key, "nas-1", "STANDARD_IA");
        }
        JsonNode p = placement("set/big.bin");
        assertEquals("set-to-nas", p.get("rule").asText());
        assertTrue(p.get("reason").asText().contains("path matches set/**"), p.toString());
        assertEverythingReadsTheSame();
        assertEquals("inline", placement("hot/keep.txt").get("ranges").get(0).get("volume").asText(),
                "files the policy does not match stay (a small object lives in the metadata store)");
    }

    @Test
    @Order(25)
    void aPutDuringAMoveWinsAndTheMoveStartsOverWithTheNewBytes() throws Exception {
        byte[] first = TestData.random(24 << 20, 43);
        byte[] second = TestData.random(24 << 20, 44);
        strata.s3().putObject(b -> b.bucket(BUCKET).key("race/r.bin"), RequestBody.fromBytes(first));
        publish("{\"rules\":[{\"name\":\"set-to-nas\",\"match\":{\"path\":\"set/**\"},\"target\":{\"tier\":\"nas\"}},"
                + "{\"name\":\"race-to-nas\",\"match\":{\"path\":\"race/**\"},\"target\":{\"tier\":\"nas\"}}]}");
        strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
        // Replace the object while its copy is under way (8 MiB/s: the copy takes about 3 s).
        awaitMove(m -> m.get("plan").get("path").asText().equals("race/r.bin")
                && m.get("bytesCopied").asLong() > (2 << 20));
        strata.s3().putObject(b -> b.bucket(BUCKET).key("race/r.bin"), RequestBody.fromBytes(second));
        awaitMovesDone();
        assertArrayEquals(second, strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("race/r.bin")).asByteArray(),
                "the write made during the move is what everyone reads");
        assertEquals("\"" + TestData.md5(second) + "\"",
                strata.s3().headObject(b -> b.bucket(BUCKET).key("race/r.bin")).eTag());
        // Whichever way the race went, the policy still gets its way, with the new bytes.
        strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
        awaitMovesDone();
        assertEquals(Set.of("nas-1"), volumes(placement("race/r.bin")));
        assertArrayEquals(second, strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("race/r.bin")).asByteArray());
        strata.s3().deleteObject(b -> b.bucket(BUCKET).key("race/r.bin"));
    }

    @Test
    @Order(27)
    void aCancelledMoveLeavesTheFileWhereItWasWithItsBytes() throws Exception {
        byte[] body = TestData.random(24 << 20, 45);
        strata.s3().putObject(b -> b.bucket(BUCKET).key("cancel/c.bin"), RequestBody.fromBytes(body));
        publish("{\"rules\":[{\"name\":\"set-to-nas\",\"match\":{\"path\":\"set/**\"},\"target\":{\"tier\":\"nas\"}},"
                + "{\"name\":\"cancel-to-nas\",\"match\":{\"path\":\"cancel/**\"},\"target\":{\"tier\":\"nas\"}}]}");
        strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
        JsonNode running = awaitMove(m -> m.get("plan").get("path").asText().equals("cancel/c.bin")
                && m.get("bytesCopied").asLong() > (2 << 20));
        JsonNode cancelled = strata.admin().expect(200, "DELETE", "/api/v1/moves/" + running.get("id").asText(), null);
        assertEquals("cancel/c.bin", cancelled.get("plan").get("path").asText());
        awaitMovesDone();
        JsonNode after = strata.admin().get("/api/v1/moves/" + running.get("id").asText());
        assertEquals("cancelled", after.get("state").asText(), after.toString());
        assertEquals(Set.of("local-1"), volumes(placement("cancel/c.bin")), "a cancelled move changes nothing");
        assertArrayEquals(body, strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("cancel/c.bin")).asByteArray());
        strata.admin().expect(404, "DELETE", "/api/v1/moves/no-such-move", null);
        strata.s3().deleteObject(b -> b.bucket(BUCKET).key("cancel/c.bin"));
    }

    @Test
    @Order(30)
    void thenToTheCloudWhereEachFileIsAPlainObjectUnderItsOwnName() throws Exception {
        publish("{\"rules\":[{\"name\":\"set-to-cloud\",\"match\":{\"path\":\"set/**\",\"minSize\":\"1KiB\"},"
                + "\"target\":{\"tier\":\"cloud\"}},{\"match\":{\"path\":\"set/**\"},\"target\":{\"pin\":true}}]}");
        readWhile(() -> {
            strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
            awaitMovesDone();
        });
        assertOn("set/big.bin", "cloud-1", "GLACIER_IR");
        assertOn("set/nfs.bin", "cloud-1", "GLACIER_IR");
        assertOn("set/small.txt", "nas-1", "STANDARD_IA"); // under 1KiB: the pin rule keeps it where it is
        assertEquals("rule-2", placement("set/small.txt").get("rule").asText());
        assertEverythingReadsTheSame();

        // Range reads stream from the cloud without a recall: the file stays there.
        byte[] part = strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/big.bin").range("bytes=1000-2999"))
                .asByteArray();
        assertArrayEquals(java.util.Arrays.copyOfRange(big, 1000, 3000), part);
        assertEquals("cloud-1", placement("set/big.bin").get("ranges").get(0).get("volume").asText());

        // The cloud bucket holds the files under <prefix>/<bucket>/<path>, usable without Strata.
        try (S3Client direct = cloud.client()) {
            Set<String> keys = new TreeSet<>();
            direct.listObjectsV2Paginator(b -> b.bucket(CLOUD_BUCKET)).contents().forEach(o -> keys.add(o.key()));
            assertEquals(Set.of("strata/data/set/big.bin", "strata/data/set/nfs.bin"), keys);
            HeadObjectResponse head = direct.headObject(b -> b.bucket(CLOUD_BUCKET).key("strata/data/set/big.bin"));
            assertEquals("team-a", head.metadata().get("owner"));
            assertEquals("application/x-test", head.metadata().get("strata-content-type"));
            assertEquals(etags.get("set/big.bin").replace("\"", ""), head.metadata().get("strata-etag"));
            assertArrayEquals(big, direct.getObjectAsBytes(b -> b.bucket(CLOUD_BUCKET)
                    .key("strata/data/set/big.bin")).asByteArray());
        }
        JsonNode versions = strata.admin().get("/api/v1/policies/versions").get("versions");
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(i + 1, versions.get(i).get("version").asInt(), "versions are numbered 1, 2, ...");
        }
        assertEquals("set-to-cloud", versions.get(versions.size() - 1).get("rules").get(0).get("name").asText());
        assertEquals("set-to-nas", versions.get(0).get("rules").get(0).get("name").asText(), "old versions stay");
    }

    @Test
    @Order(35)
    void aRuleWithRecallOnAccessBringsACloudFileHomeWhenItIsRead() throws Exception {
        publish("{\"rules\":[{\"name\":\"recall\",\"match\":{\"path\":\"set/nfs.bin\"},"
                + "\"target\":{\"tier\":\"cloud\",\"recallOnAccess\":true}},"
                + "{\"match\":{\"path\":\"set/**\"},\"target\":{\"pin\":true}}]}");
        JsonNode plan = strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
        assertEquals(0, plan.get("files").asLong(), "everything is where the rules want it: " + plan);
        assertEquals(Set.of("cloud-1"), volumes(placement("set/nfs.bin")));

        assertArrayEquals(viaNfs, strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/nfs.bin")).asByteArray());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!volumes(placement("set/nfs.bin")).equals(Set.of("local-1"))) {
            if (System.nanoTime() > deadline) {
                fail("set/nfs.bin was not recalled: " + strata.admin().get("/api/v1/moves"));
            }
            Thread.sleep(200);
        }
        awaitMovesDone();
        assertEquals(Set.of("cloud-1"), volumes(placement("set/big.bin")), "a file not read stays in the cloud");
        assertArrayEquals(viaNfs, strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/nfs.bin")).asByteArray());
    }

    @Test
    @Order(40)
    void whileTheCloudIsDownHotDataServesColdDataSaysRetryAndMovesResumeWhenItIsBack() throws Exception {
        cloud.down();
        try {
            assertEquals("stays on nvme", strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("hot/keep.txt"))
                    .asUtf8String());
            assertArrayEquals(small,
                    strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/small.txt")).asByteArray());
            try {
                strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/big.bin"));
                fail("a GET of cloud-resident bytes succeeded while the cloud was down");
            } catch (S3Exception e) {
                assertEquals(503, e.statusCode(), e.toString());
                assertEquals("ServiceUnavailable", e.awsErrorDetails().errorCode());
            }
            // Over NFS the same read is NFS3ERR_JUKEBOX ("try again later"; the kernel client waits and retries,
            // libnfs gives up): no byte is served, and the server counts the status it sent.
            Map<String, String> jukebox = Map.of("procedure", "READ", "status", "NFS3ERR_JUKEBOX");
            double before = PrometheusText.parse(strata.server().metrics().scrape())
                    .value("strata_nfs_operations_seconds_count", jukebox).orElse(0.0);
            Proc.Result nfsRead = Proc.run(List.of(Tools.NFS_CAT, url("/" + BUCKET + "/set/big.bin")),
                    Map.of("PATH", "/usr/bin:/bin"), null, Duration.ofSeconds(60));
            assertTrue(nfsRead.exit() != 0 && nfsRead.out().isEmpty(), nfsRead.describe());
            assertTrue(PrometheusText.parse(strata.server().metrics().scrape())
                    .value("strata_nfs_operations_seconds_count", jukebox).orElse(0.0) > before);
            // Metadata does not need the cloud: HEAD and listings still answer.
            assertEquals(etags.get("set/big.bin"),
                    strata.s3().headObject(b -> b.bucket(BUCKET).key("set/big.bin")).eTag());

            publish("{\"rules\":[{\"name\":\"back-home\",\"match\":{\"path\":\"set/**\"},"
                    + "\"target\":{\"tier\":\"nvme\"}}]}");
            strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
            JsonNode retrying = awaitMove(m -> "retrying".equals(m.get("state").asText()));
            assertTrue(retrying.get("error").asText().contains("cloud-1"), retrying.toString());
        } finally {
            cloud.up();
        }
        awaitMovesDone();
        for (String key : etags.keySet()) {
            assertOn(key, "local-1", "STANDARD");
        }
        assertEverythingReadsTheSame();
    }

    @Test
    @Order(50)
    void aDrainedVolumeEmptiesAndIsRemovedAndTheBuiltInOneStays() throws Exception {
        publish("{\"rules\":[{\"match\":{\"path\":\"set/**\"},\"target\":{\"volume\":\"nas-1\"}}]}");
        strata.admin().expect(200, "POST", "/api/v1/policies/apply", null);
        awaitMovesDone();
        assertOn("set/big.bin", "nas-1", "STANDARD_IA");

        JsonNode refused = strata.admin().expect(409, "DELETE", "/api/v1/volumes/nas-1", null);
        assertTrue(refused.get("message").asText().contains("drain"), refused.toString());

        assertEquals("draining", strata.admin().expect(200, "POST", "/api/v1/volumes/nas-1/drain", null)
                .get("state").asText());
        awaitMove(m -> true);
        awaitMovesDone();
        for (String key : etags.keySet()) {
            assertOn(key, "local-1", "STANDARD");
        }
        assertEverythingReadsTheSame();
        awaitStatus(204, "DELETE", "/api/v1/volumes/nas-1");
        awaitStatus(204, "DELETE", "/api/v1/volumes/cloud-1");
        strata.admin().expect(409, "DELETE", "/api/v1/volumes/local-1", null);
        assertEquals(1, strata.admin().get("/api/v1/volumes").get("volumes").size());
    }

    @Test
    @Order(60)
    void theMetricsEndpointIsScrapedAndParsedWithTheMoverS3NfsAndVolumeMeters() throws Exception {
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + strata.adminPort()
                        + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "Prometheus scrapes without credentials");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        PrometheusText m = PrometheusText.parse(r.body());
        // Every move of this journey: 3 files x (nas, cloud, home, nas, home) less the pinned small file once.
        assertTrue(m.value("strata_mover_files_moved_total").orElse(0.0) >= 13, r.body());
        assertTrue(m.value("strata_mover_bytes_moved_total").orElse(0.0) >= 4.0 * big.length);
        assertTrue(m.value("strata_mover_failures_total").orElse(0.0) >= 1, "the outage's failed attempts");
        assertEquals(0.0, m.value("strata_mover_queue_depth").orElse(-1.0));
        assertTrue(m.value("strata_volume_used_bytes", Map.of("volume", "local-1", "tier", "nvme")).orElse(0.0) > 0);
        assertTrue(m.value("strata_s3_requests_seconds_count", Map.of("operation", "GetObject", "status", "200"))
                .orElse(0.0) > 0);
        assertTrue(m.value("strata_s3_requests_seconds_count", Map.of("operation", "GetObject", "status", "503"))
                .orElse(0.0) > 0, "the GETs refused while the cloud was down");
        assertTrue(m.value("strata_nfs_operations_seconds_count", Map.of("procedure", "READ", "status", "NFS3_OK"))
                .orElse(0.0) > 0);
        assertTrue(m.value("strata_nfs_bytes_read_total").orElse(0.0) >= 2.0 * viaNfs.length);
        assertTrue(m.value("strata_meta_transactions_seconds_count", Map.of("outcome", "committed"))
                .orElse(0.0) > 0);
        assertTrue(m.all("jvm_memory_used_bytes", Map.of("area", "heap")).stream().mapToDouble(x -> x.value())
                .sum() > 0, "JVM meters");
    }

    // ---- helpers ----

    private static void publish(String policy) throws Exception {
        strata.admin().expect(201, "PUT", "/api/v1/policies", policy);
    }

    private static JsonNode placement(String key) throws Exception {
        return strata.admin().get("/api/v1/placement/" + BUCKET + "/" + key);
    }

    private static Set<String> volumes(JsonNode placement) {
        Set<String> on = new TreeSet<>();
        placement.get("ranges").forEach(r -> on.add(r.get("volume").asText()));
        return on;
    }

    private static void assertOn(String key, String volume, String storageClass) throws Exception {
        JsonNode p = placement(key);
        Set<String> on = new TreeSet<>();
        p.get("ranges").forEach(r -> on.add(r.get("volume").asText()));
        assertEquals(Set.of(volume), on, key + ": " + p);
        assertEquals(storageClass, p.get("storageClass").asText(), p.toString());
        assertEquals(inodes.get(key), p.get("inodeId").asLong(), "a move keeps the inode, hence the NFS handle");
        HeadObjectResponse head = strata.s3().headObject(b -> b.bucket(BUCKET).key(key));
        assertEquals(storageClass, head.storageClassAsString(), key);
    }

    /** Bytes and ETags over S3, bytes over NFS, and the listing, as they were before any move. */
    private static void assertEverythingReadsTheSame() throws Exception {
        assertArrayEquals(big, strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/big.bin")).asByteArray());
        assertArrayEquals(small,
                strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/small.txt")).asByteArray());
        assertArrayEquals(viaNfs, strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/nfs.bin")).asByteArray());
        for (Map.Entry<String, String> e : etags.entrySet()) {
            assertEquals(e.getValue(), strata.s3().headObject(b -> b.bucket(BUCKET).key(e.getKey())).eTag(),
                    e.getKey());
        }
        Path back = tmp.resolve("back-" + System.nanoTime());
        nfs(Tools.NFS_CP, url("/" + BUCKET + "/set/nfs.bin"), back.toString());
        assertArrayEquals(viaNfs, Files.readAllBytes(back));
        Path bigBack = tmp.resolve("big-back-" + System.nanoTime());
        nfs(Tools.NFS_CP, url("/" + BUCKET + "/set/big.bin"), bigBack.toString());
        assertEquals(TestData.md5(big), TestData.md5(Files.readAllBytes(bigBack)));
        Files.delete(bigBack);
        List<String> keys = new ArrayList<>();
        strata.s3().listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("set/")).contents()
                .forEach(o -> keys.add(o.key()));
        assertEquals(List.of("set/big.bin", "set/nfs.bin", "set/small.txt"), keys);
    }

    /** Runs {@code body} while two readers GET the big object over and over, and checks every read. */
    private static void readWhile(ThrowingRunnable body) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        String want = TestData.md5(big);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        var r = strata.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key("set/big.bin"));
                        GetObjectResponse resp = r.response();
                        assertEquals(want, TestData.md5(r.asByteArray()), "bytes read during a move");
                        assertEquals(etags.get("set/big.bin"), resp.eTag());
                        reads.incrementAndGet();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                }
            });
            t.start();
            readers.add(t);
        }
        try {
            body.run();
        } finally {
            stop.set(true);
            for (Thread t : readers) {
                t.join(60_000);
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("a read during the move failed", failure.get());
        }
        assertTrue(reads.get() > 0, "the readers overlapped the move");
    }

    private static void awaitMovesDone() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode moves = strata.admin().get("/api/v1/moves").get("moves");
            boolean running = false;
            for (JsonNode m : moves) {
                running |= !m.get("finished").asBoolean();
            }
            if (!running) {
                for (JsonNode m : moves) {
                    String state = m.get("state").asText();
                    assertTrue(state.equals("done") || state.equals("cancelled"), m.toString());
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("moves still running: " + moves);
            }
            Thread.sleep(200);
        }
    }

    private static JsonNode awaitMove(java.util.function.Predicate<JsonNode> which) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode m : strata.admin().get("/api/v1/moves").get("moves")) {
                if (!m.get("finished").asBoolean() && which.test(m)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        return fail("no such move appeared");
    }

    /** Some answers wait on the reclaimer (a second or two after the last move). */
    private static void awaitStatus(int status, String method, String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        AdminHttp.Reply r;
        do {
            r = strata.admin().call(method, path, null);
            if (r.status() == status) {
                return;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertNull(r.body(), method + " " + path + " kept answering " + r.status());
    }

    private static String url(String path) {
        return "nfs://127.0.0.1" + path + "?version=3&nfsport=" + strata.nfsPort() + "&mountport="
                + strata.nfsPort();
    }

    private static Proc.Result nfs(String... command) throws Exception {
        Proc.Result r = Proc.run(List.of(command), Map.of("PATH", "/usr/bin:/bin"), null, Duration.ofSeconds(120));
        assertEquals(0, r.exit(), r.describe());
        return r;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
