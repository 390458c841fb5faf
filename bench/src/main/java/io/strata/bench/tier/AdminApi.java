package io.strata.bench.tier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Strata's admin REST API (JSON under /api/v1, HTTP Basic with the root credentials). */
public final class AdminApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;

    public AdminApi(int port, String user, String secret) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return call("GET", path, null, 200);
    }

    /**
     * Sends {@code body} (JSON, or null for none) and returns the answer's JSON.
     *
     * @throws AdminApiException when the status is not {@code expected}; its message carries the body, which names
     *                           the field at fault, so that a failed run says what the server objected to
     */
    public JsonNode call(String method, String path, String body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                // A dry run over 100,000 files is a single long request.
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new AdminApiException(method + " " + path + (body == null ? "" : " " + body) + " answered "
                    + r.statusCode() + " (expected " + expected + "): "
                    + (r.body().isEmpty() ? "(empty body: the server's log has the cause)" : r.body()));
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    /** An admin call that did not answer as the benchmark needs. */
    public static final class AdminApiException extends IOException {
        AdminApiException(String message) {
            super(message);
        }
    }
}
