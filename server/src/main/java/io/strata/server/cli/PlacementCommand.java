package io.strata.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** {@code placement <bucket>/<path>}: where a file's bytes are and which rule put them there. */
final class PlacementCommand {
    private PlacementCommand() {
    }

    static List<Command> commands() {
        return List.of(Command.of("placement", "<bucket>/<path>", "where a file's bytes are and which rule placed "
                + "them", PlacementCommand::placement));
    }

    static int placement(CliContext ctx, CliArgs args) {
        args.atMostWords(1, "placement");
        String target = args.word(0, "<bucket>/<path>");
        ctx.printAll(show(ctx, target));
        return 0;
    }

    private static List<String> show(CliContext ctx, String target) {
        JsonNode p = ctx.client().get(urlPath(target));
        if (ctx.printedJson(p)) {
            return List.of();
        }
        return render(p);
    }

    /** {@code demo/a b/c.txt} becomes {@code /api/v1/placement/demo/a%20b/c.txt}: each segment encoded. */
    static String urlPath(String target) {
        String t = target.startsWith("/") ? target.substring(1) : target;
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1) {
            throw new UsageException("placement takes <bucket>/<path>, e.g. demo/a/b.csv (was '" + target + "')");
        }
        StringBuilder sb = new StringBuilder("/api/v1/placement");
        for (String segment : t.split("/", -1)) {
            sb.append('/').append(AdminClient.segment(segment));
        }
        return sb.toString();
    }

    static List<String> render(JsonNode p) {
        List<String> out = new ArrayList<>();
        out.add(p.path("bucket").asText() + "/" + p.path("path").asText() + "  (" + Sizes.bytes(p.path("size").asLong())
                + ", inode " + p.path("inodeId").asLong()
                + (p.hasNonNull("etag") ? ", etag " + p.get("etag").asText() : "") + ")");
        out.add("  storage class  " + p.path("storageClass").asText("-"));
        out.add("  policy         version " + p.path("policyVersion").asInt() + ", "
                + (p.hasNonNull("rule") ? "rule " + p.get("rule").asText()
                + (p.hasNonNull("reason") ? " (" + p.get("reason").asText() + ")" : "") : "no rule matches"));
        out.add("  wanted on      " + (p.hasNonNull("wantedVolume") ? p.get("wantedVolume").asText()
                + " (the next evaluation moves it)" : "where it is"));
        Table t = new Table("OFFSET", "LENGTH", "VOLUME", "TIER", "BLOB").right(0, 1);
        for (JsonNode r : p.path("ranges")) {
            t.add(String.valueOf(r.path("offset").asLong()), Sizes.bytes(r.path("length").asLong()),
                    r.path("volume").asText(), r.path("tier").asText(), r.path("blob").asText("-"));
        }
        out.add("");
        t.lines().forEach(l -> out.add("  " + l));
        return out;
    }
}
