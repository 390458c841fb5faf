package io.strata.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** {@code /api/v1/info}: version, node, ports, data directory and uptime. */
final class InfoResource implements AdminResource {
    private final Supplier<ServerInfo> info;
    private final Clock clock;

    InfoResource(Supplier<ServerInfo> info, Clock clock) {
        this.info = info;
        this.clock = clock;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.of("GET", "/api/v1/info", c -> AdminResponse.ok(toJson(info.get()))));
    }

    ObjectNode toJson(ServerInfo i) {
        ObjectNode o = Json.object();
        o.put("version", i.version());
        o.put("node", i.node());
        o.put("dataDir", i.dataDir());
        ObjectNode ports = o.putObject("ports");
        ports.put("s3", i.s3Port());
        ports.put("nfs", i.nfsPort());
        ports.put("admin", i.adminPort());
        Json.putTime(o, "startedAt", i.startedAt());
        o.put("uptimeSeconds", i.startedAt() == null ? 0
                : Math.max(0, Duration.between(i.startedAt(), clock.instant()).toSeconds()));
        return o;
    }
}
