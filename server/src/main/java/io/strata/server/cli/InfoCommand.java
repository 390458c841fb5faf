package io.strata.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code info}: which server answers, since when, on which ports. */
final class InfoCommand {
    private InfoCommand() {
    }

    static List<Command> commands() {
        return List.of(Command.of("info", "", "version, node, ports, data directory and uptime of the server",
                InfoCommand::info));
    }

    static int info(CliContext ctx, CliArgs args) {
        args.atMostWords(0, "info");
        JsonNode i = ctx.client().get("/api/v1/info");
        if (ctx.printedJson(i)) {
            return 0;
        }
        ctx.printAll(render(i));
        return 0;
    }

    static List<String> render(JsonNode i) {
        JsonNode ports = i.path("ports");
        return List.of(
                "Strata " + i.path("version").asText("?") + " on node " + i.path("node").asText("?") + ", up "
                        + Sizes.duration(i.path("uptimeSeconds").asLong()),
                "  S3 port     " + ports.path("s3").asText("-"),
                "  NFS port    " + ports.path("nfs").asText("-"),
                "  Admin port  " + ports.path("admin").asText("-"),
                "  Data        " + i.path("dataDir").asText("-"));
    }
}
