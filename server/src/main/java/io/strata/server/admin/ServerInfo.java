package io.strata.server.admin;

import java.time.Instant;

/**
 * What {@code GET /api/v1/info} reports about the running server; supplied on each request, so ports bound after
 * start (port 0) show their real numbers.
 *
 * @param node      this node's name in the metadata grid
 * @param startedAt when the server started; the uptime is counted from it
 */
public record ServerInfo(String version, String node, String dataDir, int s3Port, int nfsPort, int adminPort,
                         Instant startedAt) {
}
