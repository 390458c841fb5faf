package io.strata.bench.tier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** The volumes the benchmark adds to a running Strata over the admin API, beside its own nvme volume. */
public final class Volumes {
    public static final String NAS = "nas-1";
    public static final String CLOUD = "cloud-1";
    /** Cloud objects are named {@code <prefix>/<bucket>/<path>}: how the direct GETs find them. */
    public static final String CLOUD_PREFIX = "strata";

    private final AdminApi admin;

    public Volumes(AdminApi admin) {
        this.admin = admin;
    }

    public void addNas(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        admin.call("POST", "/api/v1/volumes", "{\"id\":\"" + NAS + "\",\"tier\":\"nas\",\"path\":\"" + dir + "\"}", 201);
    }

    public void addCloud(URI endpoint, String bucket, String accessKey, String secretKey)
            throws IOException, InterruptedException {
        admin.call("POST", "/api/v1/volumes", "{\"id\":\"" + CLOUD + "\",\"tier\":\"cloud\",\"cloud\":{"
                + "\"endpoint\":\"" + endpoint + "\",\"bucket\":\"" + bucket + "\",\"prefix\":\"" + CLOUD_PREFIX + "\","
                + "\"accessKey\":\"" + accessKey + "\",\"secretKey\":\"" + secretKey + "\",\"pathStyle\":true}}", 201);
    }

    /**
     * Checks that the file's bytes all sit on {@code volume}, so that a figure measured afterwards is the tier's
     * and not a leftover copy's.
     */
    public void expectOn(String bucket, String path, String volume) throws IOException, InterruptedException {
        JsonNode placement = admin.get("/api/v1/placement/" + bucket + "/" + path);
        for (JsonNode range : placement.path("ranges")) {
            if (!volume.equals(range.path("volume").asText())) {
                throw new IOException(bucket + "/" + path + " is not on " + volume + ": " + placement);
            }
        }
    }
}
