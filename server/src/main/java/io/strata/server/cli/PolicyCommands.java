package io.strata.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code policy show|set|versions|dry-run|apply}. */
final class PolicyCommands {
    /** How many planned moves a dry run or apply lists; the totals cover all. */
    static final int MOVES_SHOWN = 20;

    private PolicyCommands() {
    }

    static List<Command> commands() {
        return List.of(
                Command.of("policy show", "", "the current policy's rules", PolicyCommands::show),
                Command.of("policy set", "<file.json|->", "publish {\"rules\":[...],\"comment\":\"...\"} as the next "
                        + "version (- reads standard input)", PolicyCommands::set),
                Command.of("policy versions", "", "every published version", PolicyCommands::versions),
                Command.of("policy dry-run", "[file.json|-]", "what the current policy (or the file's rules) would "
                        + "move, without moving", PolicyCommands::dryRun),
                Command.of("policy apply", "[--watch]", "evaluate the current policy now and queue its moves",
                        PolicyCommands::apply, "--watch"));
    }

    static int show(CliContext ctx, CliArgs args) {
        args.atMostWords(0, "policy show");
        JsonNode v = ctx.client().get("/api/v1/policies");
        if (!ctx.printedJson(v)) {
            ctx.printAll(renderVersion(v));
        }
        return 0;
    }

    static List<String> renderVersion(JsonNode v) {
        List<String> out = new ArrayList<>();
        String comment = v.path("comment").isTextual() ? " \"" + v.get("comment").asText() + "\"" : "";
        out.add("Policy version " + v.path("version").asInt() + " of " + v.path("createdAt").asText() + comment);
        JsonNode rules = v.path("rules");
        if (rules.isEmpty()) {
            out.add("  (no rules: nothing moves)");
        }
        int i = 1;
        for (JsonNode r : rules) {
            out.add("  " + i++ + ". " + r.path("name").asText() + ": " + describeMatch(r.path("match")) + " -> "
                    + describeTarget(r.path("target")));
        }
        return out;
    }

    /** {@code bucket=logs path=**&#47;*.gz minSize=1048576}, or {@code every file}. */
    static String describeMatch(JsonNode match) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : match.properties()) {
            JsonNode value = e.getValue();
            parts.add(e.getKey() + "=" + (value.isValueNode() ? value.asText() : value.toString()));
        }
        return parts.isEmpty() ? "every file" : String.join(" ", parts);
    }

    static String describeTarget(JsonNode t) {
        String where = t.hasNonNull("tier") ? "tier " + t.get("tier").asText()
                : t.hasNonNull("volume") ? "volume " + t.get("volume").asText() : "stay (pinned)";
        return where + (t.path("recallOnAccess").asBoolean(false) ? ", recalled on access" : "");
    }

    static int set(CliContext ctx, CliArgs args) {
        args.atMostWords(1, "policy set");
        JsonNode body = readPolicyFile(ctx, args.word(0, "the policy file (or - for standard input)"));
        JsonNode v = ctx.client().put("/api/v1/policies", body);
        if (!ctx.printedJson(v)) {
            int rules = v.path("rules").size();
            ctx.println("Published policy version " + v.path("version").asInt() + " (" + rules
                    + (rules == 1 ? " rule)" : " rules)"));
        }
        return 0;
    }

    /**
     * Reads a policy file. What {@code policy show --json} prints is accepted as well: its {@code version} and
     * {@code createdAt} are dropped, so show, edit, set round-trips.
     */
    static JsonNode readPolicyFile(CliContext ctx, String name) {
        byte[] bytes;
        try {
            if (name.equals("-")) {
                bytes = ctx.stdin().readAllBytes();
            } else {
                Path p = ctx.workDir().resolve(name);
                bytes = Files.readAllBytes(p);
            }
        } catch (NoSuchFileException e) {
            throw new CliException(name + ": no such file");
        } catch (IOException e) {
            throw new CliException(name + ": cannot read: " + e.getMessage());
        }
        JsonNode node;
        try {
            node = AdminClient.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new CliException(name + " is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new CliException(name + " must hold a JSON object {\"rules\": [...], \"comment\": \"...\"}");
        }
        ObjectNode body = (ObjectNode) node;
        body.remove("version");
        body.remove("createdAt");
        return body;
    }

    static int versions(CliContext ctx, CliArgs args) {
        args.atMostWords(0, "policy versions");
        JsonNode v = ctx.client().get("/api/v1/policies/versions");
        if (ctx.printedJson(v)) {
            return 0;
        }
        Table t = new Table("VERSION", "CREATED", "RULES", "COMMENT").right(0, 2);
        for (JsonNode p : v.path("versions")) {
            t.add(p.path("version").asText(), p.path("createdAt").asText(), String.valueOf(p.path("rules").size()),
                    p.path("comment").isTextual() ? p.get("comment").asText() : "");
        }
        ctx.printAll(t.lines());
        return 0;
    }

    static int dryRun(CliContext ctx, CliArgs args) {
        args.atMostWords(1, "policy dry-run");
        JsonNode body = args.words().isEmpty() ? null : readPolicyFile(ctx, args.words().get(0));
        JsonNode plan = ctx.client().post("/api/v1/policies/dry-run", body);
        if (!ctx.printedJson(plan)) {
            ctx.printAll(renderPlan(plan, "would move"));
        }
        return 0;
    }

    static int apply(CliContext ctx, CliArgs args) {
        args.atMostWords(0, "policy apply");
        JsonNode plan = ctx.client().post("/api/v1/policies/apply", null);
        if (!ctx.printedJson(plan)) {
            ctx.printAll(renderPlan(plan, "queued"));
        }
        if (args.has("--watch")) {
            return new MovesWatch(ctx).run();
        }
        return 0;
    }

    /** Totals, bytes and files per target, and the first moves of a plan. */
    static List<String> renderPlan(JsonNode plan, String verb) {
        List<String> out = new ArrayList<>();
        int version = plan.path("policyVersion").asInt();
        out.add((version < 0 ? "Rules given" : "Policy version " + version) + ": "
                + plan.path("filesScanned").asLong() + " files scanned in " + plan.path("evaluationMillis").asLong()
                + " ms; " + verb + " " + plan.path("files").asLong() + " files, "
                + Sizes.bytes(plan.path("bytes").asLong()));
        JsonNode moves = plan.path("moves");
        if (plan.path("files").asLong() == 0) {
            return out;
        }
        boolean complete = moves.size() >= plan.path("files").asLong();
        Map<String, Long> filesByTarget = new TreeMap<>();
        for (JsonNode m : moves) {
            filesByTarget.merge(m.path("toVolume").asText(), 1L, Long::sum);
        }
        Table targets = new Table("TARGET", complete ? "FILES" : "FILES (LISTED)", "BYTES").right(1, 2);
        for (Map.Entry<String, JsonNode> e : plan.path("bytesByTarget").properties()) {
            targets.add(e.getKey(), String.valueOf(filesByTarget.getOrDefault(e.getKey(), 0L)),
                    Sizes.bytes(e.getValue().asLong()));
        }
        out.add("");
        targets.lines().forEach(l -> out.add("  " + l));
        Table first = new Table("FILE", "FROM", "TO", "SIZE", "RULE").right(3);
        int shown = 0;
        for (JsonNode m : moves) {
            if (shown++ == MOVES_SHOWN) {
                break;
            }
            first.add(m.path("bucket").asText() + "/" + m.path("path").asText(), m.path("fromVolume").asText("-"),
                    m.path("toVolume").asText(), Sizes.bytes(m.path("bytes").asLong()), m.path("rule").asText());
        }
        if (!first.isEmpty()) {
            out.add("");
            out.add("First moves:");
            first.lines().forEach(l -> out.add("  " + l));
            long more = plan.path("files").asLong() - Math.min(moves.size(), MOVES_SHOWN);
            if (more > 0) {
                out.add("  ... and " + more + " more");
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
