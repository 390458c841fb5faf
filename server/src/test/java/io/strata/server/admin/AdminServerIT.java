package io.strata.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.tiering.json.PolicyJson;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over a real socket, driven by java.net.http and by curl as an operator would. */
class AdminServerIT {
    private static final String CURL = "/usr/bin/curl";
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("root:pw".getBytes(StandardCharsets.UTF_8));

    private final FakeTiering fake = new FakeTiering();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AdminServer server;
    private String base;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = new AdminServer("127.0.0.1", 0, "root", "pw", fake.control(), () -> "# TYPE up gauge\nup 1\n",
                () -> new ServerInfo("9.9.9", "node-1", "/srv", 9000, 2049, server.port(), FakeTiering.T0));
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""), r.body());
        return PolicyJson.MAPPER.readTree(r.body());
    }

    @Test
    void listensOnTheChosenPortAndServesInfo() throws Exception {
        assertTrue(server.port() > 0);
        HttpResponse<String> r = send("GET", "/api/v1/info", null, AUTH);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode info = json(r);
        assertEquals("9.9.9", info.path("version").asText());
        assertEquals(server.port(), info.path("ports").path("admin").asInt());
    }

    @Test
    void withoutCredentials401AndAChallenge() throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/volumes", null, null);
        assertEquals(401, r.statusCode());
        assertEquals("Basic realm=\"strata\"", r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("Unauthorized", json(r).path("error").asText());
    }

    @Test
    void volumeLifecycle() throws Exception {
        HttpResponse<String> added = send("POST", "/api/v1/volumes",
                "{\"id\":\"nas-1\",\"tier\":\"nas\",\"path\":\"/mnt/nas\"}", AUTH);
        assertEquals(201, added.statusCode(), added.body());
        assertEquals("/api/v1/volumes/nas-1", added.headers().firstValue("Location").orElse(""));
        assertEquals(2, json(send("GET", "/api/v1/volumes", null, AUTH)).path("volumes").size());
        assertEquals("draining", json(send("POST", "/api/v1/volumes/nas-1/drain", null, AUTH)).path("state")
                .asText());
        HttpResponse<String> removed = send("DELETE", "/api/v1/volumes/nas-1", null, AUTH);
        assertEquals(204, removed.statusCode());
        assertEquals("", removed.body());
        HttpResponse<String> conflict = send("DELETE", "/api/v1/volumes/local-1", null, AUTH);
        assertEquals(409, conflict.statusCode());
        assertEquals("Conflict", json(conflict).path("error").asText());
    }

    @Test
    void anInvalidPolicyNamesTheFieldAndAValidOneIsPublished() throws Exception {
        HttpResponse<String> bad = send("PUT", "/api/v1/policies", "{\"rules\":[{\"target\":{\"tier\":\"tape\"}}]}",
                AUTH);
        assertEquals(400, bad.statusCode());
        assertEquals("rules[0].target.tier", json(bad).path("field").asText());
        HttpResponse<String> malformed = send("PUT", "/api/v1/policies", "{rules:", AUTH);
        assertEquals(400, malformed.statusCode());
        assertEquals("(body)", json(malformed).path("field").asText());
        HttpResponse<String> ok = send("PUT", "/api/v1/policies", AdminRouterTest.POLICY, AUTH);
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals(1, json(ok).path("version").asInt());
    }

    @Test
    void placementPathsKeepTheirSlashesAndEscapes() throws Exception {
        JsonNode p = json(send("GET", "/api/v1/placement/demo/logs/2024/a%20b%2Bc.gz", null, AUTH));
        assertEquals("logs/2024/a b+c.gz", p.path("path").asText());
        JsonNode q = json(send("GET", "/api/v1/placement?bucket=demo&path=logs%2Fx%20y", null, AUTH));
        assertEquals("logs/x y", q.path("path").asText());
    }

    @Test
    void applyThenCancelAMove() throws Exception {
        fake.moves.stepBytes = 0;
        assertEquals(2, json(send("POST", "/api/v1/policies/apply", null, AUTH)).path("moves").size());
        JsonNode moves = json(send("GET", "/api/v1/moves", null, AUTH)).path("moves");
        String id = moves.get(0).path("id").asText();
        assertEquals("cancelled", json(send("DELETE", "/api/v1/moves/" + id, null, AUTH)).path("state").asText());
    }

    @Test
    void protocolErrors() throws Exception {
        HttpResponse<String> missing = send("GET", "/api/v1/nope", null, AUTH);
        assertEquals(404, missing.statusCode());
        assertEquals("NotFound", json(missing).path("error").asText());
        HttpResponse<String> wrong = send("PUT", "/api/v1/moves", "{}", AUTH);
        assertEquals(405, wrong.statusCode());
        assertEquals("GET", wrong.headers().firstValue("Allow").orElse(""));
        assertEquals("MethodNotAllowed", json(wrong).path("error").asText());
    }

    @Test
    void aBodyOver1MiBIs413AndTheServerKeepsServing() throws Exception {
        String big = "{\"comment\":\"" + "x".repeat(2 << 20) + "\",\"rules\":[]}";
        HttpResponse<String> r = send("PUT", "/api/v1/policies", big, AUTH);
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("PayloadTooLarge", json(r).path("error").asText());
        assertEquals(0, fake.policies.current().version(), "nothing published");
        assertEquals(200, send("GET", "/api/v1/info", null, AUTH).statusCode());
    }

    @Test
    void metricsAndOpenApiAreOpen() throws Exception {
        HttpResponse<String> m = send("GET", "/metrics", null, null);
        assertEquals(200, m.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", m.headers().firstValue("Content-Type").orElse(""));
        assertTrue(m.body().contains("up 1"));
        HttpResponse<String> doc = send("GET", "/openapi.json", null, null);
        assertEquals(200, doc.statusCode());
        assertTrue(json(doc).path("paths").has("/api/v1/volumes"));
    }

    @Test
    void aTakenPortIsABindException() {
        AdminServer second = new AdminServer("127.0.0.1", server.port(), "root", "pw", fake.control(), null,
                () -> null);
        assertThrows(BindException.class, second::start);
        second.close();
    }

    // --- curl, as in the README

    record Curl(int status, String headers, String body) {
    }

    private Curl curl(String... args) throws Exception {
        requireCurl();
        Path headers = tmp.resolve("headers");
        Path body = tmp.resolve("body");
        List<String> cmd = new ArrayList<>(List.of(CURL, "-sS", "-o", body.toString(), "-D", headers.toString(),
                "-w", "%{http_code}"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("curl did not finish");
        }
        assertEquals(0, p.exitValue(), "curl failed: " + out);
        return new Curl(Integer.parseInt(out.trim()), Files.readString(headers),
                Files.exists(body) ? Files.readString(body) : "");
    }

    private static void requireCurl() {
        if (Files.isExecutable(Path.of(CURL))) {
            return;
        }
        String message = "MISSING TOOL: " + CURL + " is not installed; install it with: sudo apt-get install -y curl";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ". CI=true: a missing tool fails the test instead of skipping it.");
        }
        System.err.println(message);
        Assumptions.abort(message);
    }

    @Test
    void curlWithBasicAuth() throws Exception {
        Curl info = curl("-u", "root:pw", base + "/api/v1/info");
        assertEquals(200, info.status());
        assertEquals("node-1", PolicyJson.MAPPER.readTree(info.body()).path("node").asText());

        Curl denied = curl(base + "/api/v1/info");
        assertEquals(401, denied.status());
        assertTrue(denied.headers().toLowerCase().contains("www-authenticate: basic realm=\"strata\""),
                denied.headers());
        assertEquals(401, curl("-u", "root:wrong", base + "/api/v1/info").status());
    }

    @Test
    void curlPublishesAPolicyFromAFileAndDryRuns() throws Exception {
        Path file = tmp.resolve("policy.json");
        Files.writeString(file, AdminRouterTest.POLICY);
        Curl put = curl("-u", "root:pw", "-X", "PUT", "-H", "Content-Type: application/json", "--data-binary",
                "@" + file, base + "/api/v1/policies");
        assertEquals(201, put.status(), put.body());
        assertEquals(1, PolicyJson.MAPPER.readTree(put.body()).path("version").asInt());

        Curl dry = curl("-u", "root:pw", "-X", "POST", base + "/api/v1/policies/dry-run");
        assertEquals(200, dry.status(), dry.body());
        assertEquals(16L << 20, PolicyJson.MAPPER.readTree(dry.body()).path("bytes").asLong());

        Curl bad = curl("-u", "root:pw", "-X", "PUT", "--data-binary", "{\"rules\":[{\"target\":{}}]}",
                base + "/api/v1/policies");
        assertEquals(400, bad.status());
        JsonNode err = PolicyJson.MAPPER.readTree(bad.body());
        assertEquals("InvalidField", err.path("error").asText());
        assertEquals("rules[0].target", err.path("field").asText());
    }

    @Test
    void curlGetsPlacementVolumesMovesAndMetrics() throws Exception {
        Curl placement = curl("-u", "root:pw", "-G", "--data-urlencode", "bucket=demo", "--data-urlencode",
                "path=logs/a b.gz", base + "/api/v1/placement");
        assertEquals(200, placement.status(), placement.body());
        assertEquals("logs/a b.gz", PolicyJson.MAPPER.readTree(placement.body()).path("path").asText());

        Curl absent = curl("-u", "root:pw", base + "/api/v1/placement/demo/elsewhere/x");
        assertEquals(404, absent.status());
        assertEquals("NotFound", PolicyJson.MAPPER.readTree(absent.body()).path("error").asText());

        Curl volume = curl("-u", "root:pw", "-X", "POST", "-d",
                "{\"id\":\"cold-1\",\"tier\":\"cloud\",\"cloud\":{\"endpoint\":\"http://minio:9000\","
                        + "\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s3cr3t\"}}", base + "/api/v1/volumes");
        assertEquals(201, volume.status(), volume.body());
        assertFalse(volume.body().contains("s3cr3t"));

        Curl moves = curl("-u", "root:pw", base + "/api/v1/moves");
        assertEquals(200, moves.status());
        assertTrue(PolicyJson.MAPPER.readTree(moves.body()).path("moves").isArray());

        Curl metrics = curl(base + "/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("up 1"));
    }

    @Test
    void curlSendingTooMuchGets413() throws Exception {
        Path big = tmp.resolve("big.json");
        Files.writeString(big, "{\"comment\":\"" + "y".repeat(3 << 20) + "\",\"rules\":[]}");
        Curl r = curl("-u", "root:pw", "-X", "PUT", "--data-binary", "@" + big, base + "/api/v1/policies");
        assertEquals(413, r.status(), r.body());
        assertEquals("PayloadTooLarge", PolicyJson.MAPPER.readTree(r.body()).path("error").asText());
        Curl chunked = curl("-u", "root:pw", "-X", "PUT", "-H", "Transfer-Encoding: chunked", "--data-binary",
                "@" + big, base + "/api/v1/policies");
        assertEquals(413, chunked.status(), chunked.body());
        Curl anonymous = curl("-X", "PUT", "--data-binary", "@" + big, base + "/api/v1/policies");
        assertEquals(401, anonymous.status(), "credentials are checked before the size");
        assertEquals(0, fake.policies.current().version(), "nothing published");
    }

    @Test
    void aCallerWithoutCredentialsIsAnsweredBeforeItsBodyIsRead() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            // Announces 100 MiB and sends none of it: a server that read the body first would wait forever.
            socket.getOutputStream().write(("PUT /api/v1/policies HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 104857600\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 401 Unauthorized", status);
        }
        assertEquals(0, fake.policies.current().version(), "nothing published");
    }
}
