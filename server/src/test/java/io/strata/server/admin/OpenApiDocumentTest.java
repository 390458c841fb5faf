package io.strata.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.json.PolicyJson;
import io.strata.tiering.json.VolumeJson;
import io.strata.tiering.mover.MovePlan;
import io.strata.tiering.mover.MoveState;
import io.strata.tiering.mover.MoveStatus;
import io.strata.tiering.policy.Match;
import io.strata.tiering.policy.PolicyVersion;
import io.strata.tiering.policy.Rule;
import io.strata.tiering.policy.Target;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeInfo;
import io.strata.tiering.volume.VolumeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.json describes exactly the routes the router serves, and the fields the JSON writers emit. */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode doc = parse();
    private final AdminRouter router = new AdminRouter("u", "p", new FakeTiering().control(), () -> "",
            () -> AdminRouterTest.INFO);

    private static JsonNode parse() {
        try {
            return PolicyJson.MAPPER.readTree(DocsResource.openApiDocument());
        } catch (Exception e) {
            throw new AssertionError("openapi.json is not valid JSON", e);
        }
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() {
        Set<String> routed = new TreeSet<>();
        for (Route r : router.routes()) {
            routed.add(r.method() + " " + r.openApiPath());
        }
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
                String method = m.next();
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertEquals(routed, documented);
        assertEquals(19, routed.size(), "the endpoints of the brief plus /metrics and /openapi.json");
    }

    @Test
    void openEndpointsAreMarkedOpenAndTheRestUseBasicAuth() {
        assertEquals("basic", doc.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText());
        assertTrue(doc.path("security").get(0).has("basicAuth"));
        for (Route r : router.routes()) {
            JsonNode op = doc.path("paths").path(r.openApiPath()).path(r.method().toLowerCase(Locale.ROOT));
            boolean open = !AdminRouter.needsAuth(r.template());
            assertEquals(open, op.has("security") && op.get("security").isEmpty(), r.template());
            if (!open) {
                assertTrue(op.path("responses").has("401"), r.template() + " documents 401");
            }
        }
    }

    @Test
    void pathParametersAreDeclared() {
        for (Route r : router.routes()) {
            JsonNode op = doc.path("paths").path(r.openApiPath()).path(r.method().toLowerCase(Locale.ROOT));
            Set<String> declared = new TreeSet<>();
            for (JsonNode p : op.path("parameters")) {
                if (p.path("in").asText().equals("path")) {
                    declared.add(p.path("name").asText());
                }
            }
            Set<String> inPath = new TreeSet<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(r.openApiPath());
            while (m.find()) {
                inPath.add(m.group(1));
            }
            assertEquals(inPath, declared, r.method() + " " + r.template());
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertFalse(doc.at(ref.substring(1)).isMissingNode(), "unresolved " + ref);
        }
    }

    @Test
    void schemasCoverWhatTheWritersEmit() {
        Match match = new Match("demo", "logs/**", 1L, 2L, Duration.ofDays(30), Duration.ofHours(1),
                Map.of("k", "v"), Map.of("m", "v"));
        Rule rule = new Rule("r", match, Target.tier(Tier.CLOUD).withRecallOnAccess(true));
        PolicyVersion version = new PolicyVersion(1, FakeTiering.T0, "c", List.of(rule));
        assertCovers("PolicyVersion", PolicyJson.toJson(version));
        assertCovers("Rule", PolicyJson.toJson(rule));
        assertCovers("Match", (ObjectNode) PolicyJson.toJson(rule).get("match"));
        assertCovers("Target", (ObjectNode) PolicyJson.toJson(rule).get("target"));

        VolumeInfo cloud = new VolumeInfo(FakeTiering.Volumes.cloudSpec("c"), VolumeState.UNREACHABLE, -1, 5, -1,
                "timeout");
        assertCovers("Volume", VolumeJson.toJson(cloud));
        assertCovers("CloudSpec", (ObjectNode) VolumeJson.toJson(cloud).get("cloud"));
        assertCovers("Volume", VolumeJson.toJson(new FakeTiering().volumes.get("local-1")));

        MovePlan plan = FakeTiering.Moves.plan(1);
        assertCovers("MovePlan", MoveJson.toJson(plan));
        assertCovers("PlannedMove", MoveJson.toJson(plan.moves().get(0)));
        MoveStatus status = new MoveStatus("m1", plan.moves().get(0), MoveState.COPYING, 1, 1, FakeTiering.T0,
                FakeTiering.T0, "e");
        assertCovers("MoveStatus", MoveJson.toJson(status));

        var placement = new FakeTiering.Files().of("demo", "logs/a");
        assertCovers("Placement", PlacementJson.toJson(placement));
        assertCovers("PlacedRange", PlacementJson.toJson(placement.ranges().get(0)));

        assertCovers("Info", new InfoResource(() -> null, java.time.Clock.systemUTC()).toJson(AdminRouterTest.INFO));
    }

    @Test
    void enumsListTheValuesTheWritersUse() {
        Set<String> states = enumOf("MoveStatus", "state");
        for (MoveState s : MoveState.values()) {
            assertTrue(states.contains(s.name().toLowerCase(Locale.ROOT)), s.name());
        }
        Set<String> volumeStates = enumOf("Volume", "state");
        for (VolumeState s : VolumeState.values()) {
            assertTrue(volumeStates.contains(s.name().toLowerCase(Locale.ROOT)), s.name());
        }
        Set<String> tiers = enumOf("Volume", "tier");
        for (Tier t : Tier.values()) {
            assertTrue(tiers.contains(PolicyJson.tierName(t)), t.name());
        }
    }

    /** Every field written is a declared property, and every required property is written. */
    private void assertCovers(String schemaName, ObjectNode written) {
        JsonNode schema = doc.path("components").path("schemas").path(schemaName);
        assertTrue(schema.isObject(), "schema " + schemaName);
        JsonNode props = schema.path("properties");
        for (Iterator<String> it = written.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            assertTrue(props.has(f), schemaName + " lacks property '" + f + "' that the writer emits");
        }
        for (JsonNode r : schema.path("required")) {
            assertTrue(written.has(r.asText()), schemaName + " requires '" + r.asText() + "' but the writer omits it");
        }
    }

    private Set<String> enumOf(String schema, String property) {
        Set<String> out = new TreeSet<>();
        doc.path("components").path("schemas").path(schema).path("properties").path(property).path("enum")
                .forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void collectRefs(JsonNode n, List<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    out.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), out);
                }
            });
        } else if (n.isArray()) {
            n.forEach(c -> collectRefs(c, out));
        }
    }
}
