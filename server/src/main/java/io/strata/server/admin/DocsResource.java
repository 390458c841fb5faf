package io.strata.server.admin;

import io.strata.tiering.control.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The two open endpoints: {@code /openapi.json} (the API's own description, for doc tools) and {@code /metrics}
 * (Prometheus text). They need no credentials so that scrapers and viewers work without the root password;
 * neither reveals data or changes anything.
 */
final class DocsResource implements AdminResource {
    static final String OPENAPI_RESOURCE = "/openapi.json";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> metrics;
    private final byte[] openApi;

    DocsResource(Supplier<String> metrics) {
        this.metrics = metrics;
        this.openApi = openApiDocument();
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", "/openapi.json",
                        c -> new AdminResponse(200, AdminResponse.JSON, null, openApi)),
                Route.of("GET", "/metrics", c -> metrics()));
    }

    private AdminResponse metrics() {
        if (metrics == null) {
            throw new NotFoundException("metrics are not enabled on this server");
        }
        return AdminResponse.text(200, PROMETHEUS_TEXT, metrics.get());
    }

    /** The document shipped in the jar; read once, it does not change while the server runs. */
    static byte[] openApiDocument() {
        try (InputStream in = DocsResource.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String openApiText() {
        return new String(openApiDocument(), StandardCharsets.UTF_8);
    }
}
