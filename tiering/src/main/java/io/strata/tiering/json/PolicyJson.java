package io.strata.tiering.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.policy.Match;
import io.strata.tiering.policy.PolicyVersion;
import io.strata.tiering.policy.Rule;
import io.strata.tiering.policy.Target;
import io.strata.tiering.volume.Tier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Policies as JSON, for the admin API and for storage in the namespace:
 * <pre>
 * {"comment": "...", "rules": [
 *   {"name": "old-logs-to-cloud",
 *    "match": {"bucket": "logs", "path": "**&#47;*.gz", "minSize": "1MiB", "modifiedOlderThan": "30d"},
 *    "target": {"tier": "cloud", "recallOnAccess": true}}]}
 * </pre>
 * A target names exactly one of {@code tier}, {@code volume} or {@code "pin": true}.
 */
public final class PolicyJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Set<String> RULE_FIELDS = Set.of("name", "match", "target");
    private static final Set<String> MATCH_FIELDS = Set.of("bucket", "path", "minSize", "maxSize",
            "modifiedOlderThan", "accessedOlderThan", "tags", "metadata");
    private static final Set<String> TARGET_FIELDS = Set.of("tier", "volume", "pin", "recallOnAccess");

    private PolicyJson() {
    }

    /** The rules of a request body {@code {"rules": [...], "comment": "..."}}. */
    public static List<Rule> rules(JsonNode body) {
        JsonFields f = new JsonFields(body, "");
        f.onlyKnown(Set.of("rules", "comment"));
        JsonNode rules = f.raw("rules");
        if (rules == null || !rules.isArray()) {
            throw new InvalidFieldException("rules", "is required and must be an array of rules");
        }
        List<Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            out.add(rule(rules.get(i), "rules[" + i + "]", i));
        }
        return out;
    }

    public static String comment(JsonNode body) {
        return new JsonFields(body, "").text("comment", false);
    }

    private static Rule rule(JsonNode node, String path, int index) {
        JsonFields f = new JsonFields(node, path);
        f.onlyKnown(RULE_FIELDS);
        String name = f.text("name", false);
        Match match = f.has("match") ? match(f.raw("match"), f.at("match")) : Match.ANY;
        if (!f.has("target")) {
            throw new InvalidFieldException(f.at("target"), "is required");
        }
        Target target = target(f.raw("target"), f.at("target"));
        return new Rule(name == null || name.isBlank() ? "rule-" + (index + 1) : name, match, target);
    }

    private static Match match(JsonNode node, String path) {
        JsonFields f = new JsonFields(node, path);
        f.onlyKnown(MATCH_FIELDS);
        Long min = f.size("minSize");
        Long max = f.size("maxSize");
        if (min != null && max != null && min > max) {
            throw new InvalidFieldException(f.at("minSize"), "is larger than maxSize");
        }
        return new Match(f.text("bucket", false), f.text("path", false), min, max,
                f.duration("modifiedOlderThan"), f.duration("accessedOlderThan"), f.stringMap("tags"),
                f.stringMap("metadata"));
    }

    private static Target target(JsonNode node, String path) {
        JsonFields f = new JsonFields(node, path);
        f.onlyKnown(TARGET_FIELDS);
        int named = (f.has("tier") ? 1 : 0) + (f.has("volume") ? 1 : 0) + (f.bool("pin", false) ? 1 : 0);
        if (named != 1) {
            throw new InvalidFieldException(path, "must name exactly one of tier, volume or \"pin\": true");
        }
        boolean recall = f.bool("recallOnAccess", false);
        if (f.has("tier")) {
            return Target.tier(tier(f.text("tier", true), f.at("tier"))).withRecallOnAccess(recall);
        }
        if (f.has("volume")) {
            return Target.volume(f.text("volume", true)).withRecallOnAccess(recall);
        }
        return Target.pin().withRecallOnAccess(recall);
    }

    /** A tier name as users write it: nvme, nas or cloud. */
    public static Tier tier(String name, String field) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "nvme" -> Tier.NVME;
            case "nas" -> Tier.NAS;
            case "cloud" -> Tier.CLOUD;
            default -> throw new InvalidFieldException(field, "must be one of nvme, nas, cloud (was \"" + name + "\")");
        };
    }

    public static String tierName(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }

    public static ObjectNode toJson(PolicyVersion v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("version", v.version());
        o.put("createdAt", v.createdAt().toString());
        o.put("comment", v.comment());
        ArrayNode rules = o.putArray("rules");
        for (Rule r : v.rules()) {
            rules.add(toJson(r));
        }
        return o;
    }

    public static PolicyVersion version(JsonNode o) {
        return new PolicyVersion(o.get("version").asInt(), Instant.parse(o.get("createdAt").asText()),
                o.path("comment").isNull() ? null : o.path("comment").asText(null), rules(rulesOnly(o)));
    }

    private static JsonNode rulesOnly(JsonNode o) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("rules", o.get("rules"));
        return n;
    }

    public static ObjectNode toJson(Rule r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", r.name());
        ObjectNode m = o.putObject("match");
        Match match = r.match();
        putIf(m, "bucket", match.bucket());
        putIf(m, "path", match.path());
        if (match.minSize() != null) {
            m.put("minSize", match.minSize());
        }
        if (match.maxSize() != null) {
            m.put("maxSize", match.maxSize());
        }
        putIf(m, "modifiedOlderThan", duration(match.modifiedOlderThan()));
        putIf(m, "accessedOlderThan", duration(match.accessedOlderThan()));
        putMap(m, "tags", match.tags());
        putMap(m, "metadata", match.metadata());
        ObjectNode t = o.putObject("target");
        switch (r.target().kind()) {
            case TIER -> t.put("tier", tierName(r.target().tier()));
            case VOLUME -> t.put("volume", r.target().volume());
            case PIN -> t.put("pin", true);
        }
        if (r.target().recallOnAccess()) {
            t.put("recallOnAccess", true);
        }
        return o;
    }

    /** Durations back in the short form users write; whole seconds suffice for ages. */
    public static String duration(Duration d) {
        if (d == null) {
            return null;
        }
        long s = d.getSeconds();
        if (s % 86400 == 0 && s > 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return d.toMillis() % 1000 == 0 ? s + "s" : d.toMillis() + "ms";
    }

    private static void putIf(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void putMap(ObjectNode o, String name, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode n = o.putObject(name);
            map.forEach(n::put);
        }
    }
}
