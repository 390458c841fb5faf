package io.strata.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** {@code volumes}, {@code volume add|drain|remove}. */
final class VolumeCommands {
    /** Body fields the server may name in an error, and the flag that sets each. */
    private static final Map<String, String> FLAG_OF_FIELD = Map.of(
            "tier", "--tier", "path", "--path", "cloud.endpoint", "--endpoint", "cloud.bucket", "--bucket",
            "cloud.prefix", "--prefix", "cloud.region", "--region", "cloud.accessKey", "--access-key",
            "cloud.secretKey", "--secret-key", "cloud.pathStyle", "--path-style");

    private VolumeCommands() {
    }

    static List<Command> commands() {
        return List.of(
                Command.of("volumes", "", "list volumes: id, tier, state, used, capacity, location",
                        VolumeCommands::list),
                Command.of("volume add", "<id> --tier nvme|nas --path /dir | --tier cloud --endpoint URL --bucket B"
                                + " [--prefix P] [--region R] [--access-key K --secret-key S] [--path-style true|false]",
                        "add a volume; it takes data at once", VolumeCommands::add,
                        "--tier", "--path", "--endpoint", "--bucket", "--prefix", "--region", "--access-key",
                        "--secret-key", "--path-style"),
                Command.of("volume drain", "<id>", "stop new data landing on a volume; the mover empties it",
                        VolumeCommands::drain),
                Command.of("volume remove", "<id>", "forget an empty (drained) volume", VolumeCommands::remove));
    }

    static int list(CliContext ctx, CliArgs args) {
        args.atMostWords(0, "volumes");
        JsonNode v = ctx.client().get("/api/v1/volumes");
        if (!ctx.printedJson(v)) {
            ctx.printAll(table(v.path("volumes")).lines());
        }
        return 0;
    }

    static Table table(JsonNode volumes) {
        Table t = new Table("ID", "TIER", "STATE", "USED", "CAPACITY", "LOCATION").right(3, 4);
        for (JsonNode v : volumes) {
            t.add(v.path("id").asText(), v.path("tier").asText(), v.path("state").asText(),
                    Sizes.bytes(v.path("usedBytes").asLong(-1)), Sizes.bytes(v.path("capacityBytes").asLong(-1)),
                    location(v));
        }
        return t;
    }

    /** A directory, or the cloud bucket as {@code endpoint/bucket/prefix}. */
    static String location(JsonNode v) {
        if (v.hasNonNull("path")) {
            return v.get("path").asText();
        }
        JsonNode c = v.path("cloud");
        if (c.isMissingNode()) {
            return "-";
        }
        String prefix = c.path("prefix").asText("");
        return c.path("endpoint").asText() + "/" + c.path("bucket").asText() + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    static int add(CliContext ctx, CliArgs args) {
        ObjectNode spec = spec(args);
        JsonNode added;
        try {
            added = ctx.client().post("/api/v1/volumes", spec);
        } catch (AdminApiException e) {
            throw inFlagTerms(e);
        }
        if (!ctx.printedJson(added)) {
            ctx.println("Added volume " + added.path("id").asText() + " (" + added.path("tier").asText() + ", "
                    + location(added) + "): " + added.path("state").asText());
        }
        return 0;
    }

    /** The request body for {@code volume add}; the server validates it, naming the field at fault. */
    static ObjectNode spec(CliArgs args) {
        args.atMostWords(1, "volume add");
        ObjectNode spec = AdminClient.MAPPER.createObjectNode();
        spec.put("id", args.word(0, "the volume id"));
        String tier = args.required("--tier");
        spec.put("tier", tier);
        if (!tier.equals("cloud")) {
            if (args.has("--path")) {
                spec.put("path", args.option("--path"));
            }
            for (String cloudOnly : List.of("--endpoint", "--bucket", "--prefix", "--region", "--access-key",
                    "--secret-key", "--path-style")) {
                if (args.has(cloudOnly)) {
                    throw new UsageException(cloudOnly + " is for --tier cloud");
                }
            }
            return spec;
        }
        if (args.has("--path")) {
            throw new UsageException("--path is for --tier nvme or nas; a cloud volume takes --endpoint and --bucket");
        }
        ObjectNode cloud = spec.putObject("cloud");
        cloud.put("endpoint", args.required("--endpoint"));
        cloud.put("bucket", args.required("--bucket"));
        putIf(cloud, "prefix", args.option("--prefix"));
        putIf(cloud, "region", args.option("--region"));
        putIf(cloud, "accessKey", args.option("--access-key"));
        putIf(cloud, "secretKey", args.option("--secret-key"));
        if (args.has("--path-style")) {
            String v = args.option("--path-style");
            if (!v.equals("true") && !v.equals("false")) {
                throw new UsageException("--path-style is true or false (was '" + v + "')");
            }
            cloud.put("pathStyle", Boolean.parseBoolean(v));
        }
        return spec;
    }

    private static CliException inFlagTerms(AdminApiException e) {
        String flag = e.field() == null ? null : FLAG_OF_FIELD.get(e.field());
        return flag == null ? e : new CliException(flag + ": " + e.reason());
    }

    private static void putIf(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    static int drain(CliContext ctx, CliArgs args) {
        args.atMostWords(1, "volume drain");
        String id = args.word(0, "the volume id");
        JsonNode v = ctx.client().post("/api/v1/volumes/" + AdminClient.segment(id) + "/drain", null);
        if (!ctx.printedJson(v)) {
            ctx.println("Volume " + id + " is " + v.path("state").asText()
                    + ": no new data lands on it and the mover empties it (follow with: strata admin moves --watch)");
        }
        return 0;
    }

    static int remove(CliContext ctx, CliArgs args) {
        args.atMostWords(1, "volume remove");
        String id = args.word(0, "the volume id");
        ctx.client().delete("/api/v1/volumes/" + AdminClient.segment(id));
        if (!ctx.json()) {
            ctx.println("Removed volume " + id);
        }
        return 0;
    }
}
