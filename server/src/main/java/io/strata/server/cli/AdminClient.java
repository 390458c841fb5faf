package io.strata.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The admin API over {@code java.net.http}: JSON in, JSON out, the server's error turned into an exception. */
final class AdminClient {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http;

    AdminClient(String baseUrl, String user, String password) {
        this.baseUrl = stripSlash(baseUrl);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** POST with an optional JSON body (null sends none). */
    JsonNode post(String path, JsonNode body) {
        return send("POST", path, body);
    }

    JsonNode put(String path, JsonNode body) {
        return send("PUT", path, body);
    }

    /** DELETE; null when the server answers 204. */
    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** One path segment, percent-encoded (a space is %20 in a path, not +). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, JsonNode body) {
        URI uri;
        try {
            uri = URI.create(baseUrl + path);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url " + baseUrl + " is not a URL: " + e.getMessage());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                // dry runs walk the namespace; a large one takes minutes, not hours
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new CliException("cannot reach the admin API at " + baseUrl + " (connection refused): is the "
                    + "server running? --url or STRATA_ADMIN_URL point elsewhere");
        } catch (HttpTimeoutException e) {
            throw new CliException("the admin API at " + baseUrl + " did not answer in time");
        } catch (IOException e) {
            throw new CliException("cannot talk to the admin API at " + baseUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        return answer(response.statusCode(), response.body());
    }

    static JsonNode answer(int status, String body) {
        JsonNode json = null;
        if (body != null && !body.isBlank()) {
            try {
                json = MAPPER.readTree(body);
            } catch (IOException e) {
                json = null;
            }
        }
        if (status >= 200 && status < 300) {
            if (status != 204 && json == null) {
                throw new CliException("the server answered " + status + " without JSON");
            }
            return json;
        }
        if (json != null && json.hasNonNull("message")) {
            throw new AdminApiException(status, json.path("error").asText("Error"),
                    json.hasNonNull("field") ? json.get("field").asText() : null, json.get("message").asText());
        }
        throw new AdminApiException(status, "HTTP", null, "the server answered " + status
                + (body == null || body.isBlank() ? "" : ": " + body.strip().lines().findFirst().orElse("")));
    }

    private static String stripSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
