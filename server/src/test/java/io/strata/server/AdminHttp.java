package io.strata.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The admin REST API as a script would use it: JSON over HTTP with Basic auth. */
final class AdminHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String auth;

    AdminHttp(int port, String user, String secret) {
        this.base = "http://127.0.0.1:" + port;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    record Reply(int status, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /** Calls and checks the status; the JSON body. */
    JsonNode expect(int status, String method, String path, String body) throws Exception {
        Reply r = call(method, path, body);
        assertEquals(status, r.status(), method + " " + path + " answered " + r.body());
        return r.body().isEmpty() ? JSON.nullNode() : r.json();
    }

    JsonNode get(String path) throws Exception {
        return expect(200, "GET", path, null);
    }

    String text(String path) throws Exception {
        Reply r = call("GET", path, null);
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    /** Waits until no move is running (two minutes at most), and returns the moves as listed then. */
    JsonNode awaitMovesFinished() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode moves = get("/api/v1/moves").get("moves");
            boolean running = false;
            for (JsonNode m : moves) {
                running |= !m.get("finished").asBoolean();
            }
            if (!running) {
                return moves;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("moves still running: " + moves);
            }
            Thread.sleep(200);
        }
    }
}
