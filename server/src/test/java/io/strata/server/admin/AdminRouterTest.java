package io.strata.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.tiering.control.MoveControl;
import io.strata.tiering.control.TieringControl;
import io.strata.tiering.json.PolicyJson;
import io.strata.tiering.mover.MovePlan;
import io.strata.tiering.mover.MoveStatus;
import io.strata.tiering.policy.Rule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminRouterTest {
    static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("root:pw".getBytes(StandardCharsets.UTF_8));
    static final ServerInfo INFO = new ServerInfo("1.2.3", "node-a", "/srv/strata", 9000, 2049, 9001,
            FakeTiering.T0);

    private final FakeTiering fake = new FakeTiering();
    private final AdminRouter router = router(fake.control(), () -> "strata_up 1\n");

    private static AdminRouter router(TieringControl control, java.util.function.Supplier<String> metrics) {
        return new AdminRouter("root", "pw", control, metrics, () -> INFO,
                Clock.fixed(FakeTiering.T0.plusSeconds(3723), ZoneOffset.UTC));
    }

    private AdminResponse call(String method, String target) {
        return call(method, target, (String) null);
    }

    private AdminResponse call(String method, String target, String body) {
        return router.handle(AdminRequest.of(method, target,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), AUTH));
    }

    private static JsonNode json(AdminResponse r) throws Exception {
        assertEquals("application/json", r.contentType());
        return PolicyJson.MAPPER.readTree(r.body());
    }

    private static void assertError(AdminResponse r, int status, String code, String field) throws Exception {
        assertEquals(status, r.status(), r.bodyText());
        JsonNode e = json(r);
        assertEquals(code, e.path("error").asText(), r.bodyText());
        if (field == null) {
            assertFalse(e.has("field"), r.bodyText());
        } else {
            assertEquals(field, e.path("field").asText(), r.bodyText());
        }
        assertFalse(e.path("message").asText().isBlank(), r.bodyText());
        assertFalse(r.bodyText().contains("\tat "), "no stack trace: " + r.bodyText());
    }

    // --- authentication

    @Test
    void apiWithoutCredentialsIs401WithABasicChallenge() throws Exception {
        AdminResponse r = router.handle(AdminRequest.of("GET", "/api/v1/volumes", null, null));
        assertError(r, 401, "Unauthorized", null);
        assertEquals("Basic realm=\"strata\"", r.headers().get("WWW-Authenticate"));
    }

    @Test
    void wrongPasswordOrGarbageIs401() throws Exception {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("root:nope".getBytes(StandardCharsets.UTF_8));
        assertError(router.handle(AdminRequest.of("GET", "/api/v1/info", null, wrong)), 401, "Unauthorized", null);
        assertError(router.handle(AdminRequest.of("GET", "/api/v1/info", null, "Basic %%%")), 401,
                "Unauthorized", null);
        assertError(router.handle(AdminRequest.of("GET", "/api/v1/info", null, "Bearer abc")), 401,
                "Unauthorized", null);
    }

    @Test
    void unknownApiPathsAskForCredentialsBeforeSayingNotFound() throws Exception {
        assertError(router.handle(AdminRequest.of("GET", "/api/v2/secret", null, null)), 401, "Unauthorized", null);
        assertError(call("GET", "/api/v2/secret"), 404, "NotFound", null);
    }

    @Test
    void schemeNameIsCaseInsensitive() {
        String lower = "basic " + AUTH.substring(6);
        assertEquals(200, router.handle(AdminRequest.of("GET", "/api/v1/info", null, lower)).status());
    }

    @Test
    void metricsAndOpenApiNeedNoCredentials() throws Exception {
        AdminResponse m = router.handle(AdminRequest.of("GET", "/metrics", null, null));
        assertEquals(200, m.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", m.contentType());
        assertEquals("strata_up 1\n", m.bodyText());
        AdminResponse doc = router.handle(AdminRequest.of("GET", "/openapi.json", null, null));
        assertEquals(200, doc.status());
        assertEquals("3.0.3", json(doc).path("openapi").asText());
    }

    @Test
    void metricsWithoutASupplierIs404() throws Exception {
        AdminRouter noMetrics = router(fake.control(), null);
        assertError(noMetrics.handle(AdminRequest.of("GET", "/metrics", null, null)), 404, "NotFound", null);
    }

    // --- info

    @Test
    void infoReportsVersionNodePortsDataDirAndUptime() throws Exception {
        JsonNode i = json(call("GET", "/api/v1/info"));
        assertEquals("1.2.3", i.path("version").asText());
        assertEquals("node-a", i.path("node").asText());
        assertEquals("/srv/strata", i.path("dataDir").asText());
        assertEquals(9000, i.path("ports").path("s3").asInt());
        assertEquals(2049, i.path("ports").path("nfs").asInt());
        assertEquals(9001, i.path("ports").path("admin").asInt());
        assertEquals("2025-01-02T03:04:05Z", i.path("startedAt").asText());
        assertEquals(3723, i.path("uptimeSeconds").asLong());
    }

    // --- volumes

    @Test
    void listsVolumes() throws Exception {
        JsonNode v = json(call("GET", "/api/v1/volumes")).path("volumes");
        assertEquals(1, v.size());
        assertEquals("local-1", v.get(0).path("id").asText());
        assertEquals("nvme", v.get(0).path("tier").asText());
        assertEquals("active", v.get(0).path("state").asText());
        assertEquals(3L << 20, v.get(0).path("usedBytes").asLong());
    }

    @Test
    void addsANasVolumeWith201AndLocation() throws Exception {
        AdminResponse r = call("POST", "/api/v1/volumes", "{\"id\":\"nas-1\",\"tier\":\"nas\",\"path\":\"/mnt/nas\"}");
        assertEquals(201, r.status(), r.bodyText());
        assertEquals("/api/v1/volumes/nas-1", r.headers().get("Location"));
        JsonNode v = json(r);
        assertEquals("nas-1", v.path("id").asText());
        assertEquals("/mnt/nas", v.path("path").asText());
        assertEquals("active", v.path("state").asText());
        assertTrue(fake.volumes.has("nas-1"));
    }

    @Test
    void addsACloudVolumeAndNeverShowsItsSecret() throws Exception {
        AdminResponse r = call("POST", "/api/v1/volumes", "{\"id\":\"cold-1\",\"tier\":\"cloud\",\"cloud\":{"
                + "\"endpoint\":\"https://s3.example\",\"bucket\":\"archive\",\"accessKey\":\"AK\","
                + "\"secretKey\":\"TOPSECRET\"}}");
        assertEquals(201, r.status(), r.bodyText());
        assertFalse(r.bodyText().contains("TOPSECRET"), r.bodyText());
        assertEquals("******", json(r).path("cloud").path("secretKey").asText());
        assertFalse(call("GET", "/api/v1/volumes").bodyText().contains("TOPSECRET"));
    }

    @Test
    void addRefusesABadTierNamingTheField() throws Exception {
        assertError(call("POST", "/api/v1/volumes", "{\"id\":\"x\",\"tier\":\"ssd\",\"path\":\"/x\"}"),
                400, "InvalidField", "tier");
        assertError(call("POST", "/api/v1/volumes", "{\"id\":\"x\",\"tier\":\"cloud\",\"cloud\":{"
                + "\"endpoint\":\"ftp://x\",\"bucket\":\"b\",\"accessKey\":\"a\",\"secretKey\":\"s\"}}"),
                400, "InvalidField", "cloud.endpoint");
    }

    @Test
    void addPassesOnTheControlLayersFieldComplaint() throws Exception {
        assertError(call("POST", "/api/v1/volumes", "{\"id\":\"x\",\"tier\":\"nas\",\"path\":\"/nonexistent/x\"}"),
                400, "InvalidField", "path");
    }

    @Test
    void addingATakenIdIs409() throws Exception {
        assertError(call("POST", "/api/v1/volumes", "{\"id\":\"local-1\",\"tier\":\"nas\",\"path\":\"/x\"}"),
                409, "Conflict", null);
    }

    @Test
    void malformedJsonIs400AgainstTheBody() throws Exception {
        AdminResponse r = call("POST", "/api/v1/volumes", "{\"id\": ");
        assertError(r, 400, "InvalidField", "(body)");
        assertTrue(json(r).path("message").asText().contains("not valid JSON"), r.bodyText());
        assertError(call("POST", "/api/v1/volumes", ""), 400, "InvalidField", "(body)");
        assertError(call("POST", "/api/v1/volumes", "[1,2]"), 400, "InvalidField", "(body)");
    }

    @Test
    void showsOneVolumeOr404() throws Exception {
        assertEquals("local-1", json(call("GET", "/api/v1/volumes/local-1")).path("id").asText());
        AdminResponse r = call("GET", "/api/v1/volumes/nope");
        assertError(r, 404, "NotFound", null);
        assertTrue(json(r).path("message").asText().contains("nope"));
    }

    @Test
    void drainsAVolume() throws Exception {
        AdminResponse r = call("POST", "/api/v1/volumes/local-1/drain");
        assertEquals(200, r.status());
        assertEquals("draining", json(r).path("state").asText());
        assertEquals("draining", json(call("GET", "/api/v1/volumes/local-1")).path("state").asText());
    }

    @Test
    void removingAVolumeWithDataIs409AndAnEmptyOne204() throws Exception {
        assertError(call("DELETE", "/api/v1/volumes/local-1"), 409, "Conflict", null);
        call("POST", "/api/v1/volumes", "{\"id\":\"nas-1\",\"tier\":\"nas\",\"path\":\"/mnt/nas\"}");
        AdminResponse r = call("DELETE", "/api/v1/volumes/nas-1");
        assertEquals(204, r.status());
        assertEquals(0, r.body().length);
        assertFalse(fake.volumes.has("nas-1"));
        assertError(call("DELETE", "/api/v1/volumes/nas-1"), 404, "NotFound", null);
    }

    // --- policies

    static final String POLICY = "{\"comment\":\"logs out\",\"rules\":[{\"name\":\"old-to-cloud\","
            + "\"match\":{\"bucket\":\"demo\",\"path\":\"logs/**\",\"modifiedOlderThan\":\"30d\"},"
            + "\"target\":{\"tier\":\"cloud\"}}]}";

    @Test
    void theInitialPolicyIsVersion0WithoutRules() throws Exception {
        JsonNode p = json(call("GET", "/api/v1/policies"));
        assertEquals(0, p.path("version").asInt());
        assertEquals(0, p.path("rules").size());
    }

    @Test
    void publishesAPolicyAsTheNextVersion() throws Exception {
        AdminResponse r = call("PUT", "/api/v1/policies", POLICY);
        assertEquals(201, r.status(), r.bodyText());
        assertEquals("/api/v1/policies/versions/1", r.headers().get("Location"));
        JsonNode v = json(r);
        assertEquals(1, v.path("version").asInt());
        assertEquals("logs out", v.path("comment").asText());
        assertEquals("old-to-cloud", v.path("rules").get(0).path("name").asText());
        assertEquals("30d", v.path("rules").get(0).path("match").path("modifiedOlderThan").asText());

        assertEquals(1, json(call("GET", "/api/v1/policies")).path("version").asInt());
        JsonNode versions = json(call("GET", "/api/v1/policies/versions")).path("versions");
        assertEquals(2, versions.size());
        assertEquals(0, versions.get(0).path("version").asInt());
        assertEquals("cloud", json(call("GET", "/api/v1/policies/versions/1")).path("rules").get(0)
                .path("target").path("tier").asText());
    }

    @Test
    void anInvalidRuleIsNamedByItsJsonPath() throws Exception {
        AdminResponse r = call("PUT", "/api/v1/policies", "{\"rules\":[{\"target\":{\"tier\":\"cloud\"}},"
                + "{\"target\":{\"tier\":\"ssd\"}}]}");
        assertError(r, 400, "InvalidField", "rules[1].target.tier");
        assertTrue(json(r).path("message").asText().contains("ssd"), r.bodyText());
        assertError(call("PUT", "/api/v1/policies", "{\"rules\":[{\"match\":{\"minsize\":1},\"target\":"
                + "{\"pin\":true}}]}"), 400, "InvalidField", "rules[0].match.minsize");
        assertError(call("PUT", "/api/v1/policies", "{\"comment\":\"no rules\"}"), 400, "InvalidField", "rules");
        assertEquals(0, fake.policies.current().version(), "nothing published");
    }

    @Test
    void aRuleNamingAnUnknownVolumeIsRefusedByTheControlLayer() throws Exception {
        assertError(call("PUT", "/api/v1/policies", "{\"rules\":[{\"target\":{\"volume\":\"ghost\"}}]}"),
                400, "InvalidField", "rules[0].target.volume");
    }

    @Test
    void unknownOrNonNumericVersionsAre404() throws Exception {
        assertError(call("GET", "/api/v1/policies/versions/7"), 404, "NotFound", null);
        assertError(call("GET", "/api/v1/policies/versions/latest"), 404, "NotFound", null);
    }

    @Test
    void dryRunWithoutBodyEvaluatesTheCurrentPolicy() throws Exception {
        call("PUT", "/api/v1/policies", POLICY);
        JsonNode plan = json(call("POST", "/api/v1/policies/dry-run"));
        assertEquals(1, plan.path("policyVersion").asInt());
        assertEquals(2, plan.path("files").asLong());
        assertEquals(16L << 20, plan.path("bytesByTarget").path("cold-1").asLong());
        assertEquals("logs/a.gz", plan.path("moves").get(0).path("path").asText());
        assertTrue(fake.moves.byId.isEmpty(), "a dry run queues nothing");
    }

    @Test
    void dryRunWithRulesEvaluatesThemWithoutPublishing() throws Exception {
        AdminResponse r = call("POST", "/api/v1/policies/dry-run", POLICY);
        assertEquals(200, r.status(), r.bodyText());
        assertEquals(-1, json(r).path("policyVersion").asInt());
        assertEquals(0, fake.policies.current().version());
        assertError(call("POST", "/api/v1/policies/dry-run", "{\"rules\":[{}]}"), 400, "InvalidField",
                "rules[0].target");
    }

    @Test
    void applyQueuesMovesAndReturnsThePlan() throws Exception {
        AdminResponse r = call("POST", "/api/v1/policies/apply");
        assertEquals(200, r.status());
        assertEquals(2, json(r).path("moves").size());
        assertEquals(2, fake.moves.byId.size());
    }

    // --- moves

    @Test
    void listsShowsAndCancelsMoves() throws Exception {
        call("POST", "/api/v1/policies/apply");
        fake.moves.stepBytes = 0;
        JsonNode moves = json(call("GET", "/api/v1/moves")).path("moves");
        assertEquals(2, moves.size());
        assertEquals("queued", moves.get(0).path("state").asText());
        JsonNode one = json(call("GET", "/api/v1/moves/m1"));
        assertEquals("m1", one.path("id").asText());
        assertEquals("logs/a.gz", one.path("plan").path("path").asText());
        AdminResponse c = call("DELETE", "/api/v1/moves/m1");
        assertEquals(200, c.status());
        assertEquals("cancelled", json(c).path("state").asText());
        assertTrue(json(c).path("finished").asBoolean());
        assertError(call("DELETE", "/api/v1/moves/m99"), 404, "NotFound", null);
        assertError(call("GET", "/api/v1/moves/m99"), 404, "NotFound", null);
    }

    // --- placement

    @Test
    void placementByQuery() throws Exception {
        JsonNode p = json(call("GET", "/api/v1/placement?bucket=demo&path=logs%2F2024%2Fa+b.gz"));
        assertEquals("demo", p.path("bucket").asText());
        assertEquals("logs/2024/a b.gz", p.path("path").asText());
        assertEquals(2, p.path("ranges").size());
        assertEquals("cloud", p.path("ranges").get(1).path("tier").asText());
    }

    @Test
    void placementByPathKeepsSlashesAndDecodesSegments() throws Exception {
        JsonNode p = json(call("GET", "/api/v1/placement/demo/logs/2024/a%20b+c%3F.gz"));
        assertEquals("logs/2024/a b+c?.gz", p.path("path").asText());
        assertEquals("cold-1", p.path("wantedVolume").asText());
    }

    @Test
    void placementErrors() throws Exception {
        assertError(call("GET", "/api/v1/placement?bucket=demo"), 400, "InvalidField", "path");
        assertError(call("GET", "/api/v1/placement?path=x"), 400, "InvalidField", "bucket");
        assertError(call("GET", "/api/v1/placement/nobucket/logs/a"), 404, "NotFound", null);
        assertError(call("GET", "/api/v1/placement/demo/other/a"), 404, "NotFound", null);
        assertError(call("GET", "/api/v1/placement/demo"), 404, "NotFound", null);
        assertError(call("GET", "/api/v1/placement/demo/a%zz"), 400, "InvalidField", "(path)");
    }

    // --- protocol errors

    @Test
    void unknownRoutesAre404() throws Exception {
        assertError(call("GET", "/api/v1/nothing"), 404, "NotFound", null);
        assertError(call("GET", "/api/v1/volumes/local-1/extra/deep"), 404, "NotFound", null);
        assertError(router.handle(AdminRequest.of("GET", "/", null, null)), 404, "NotFound", null);
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        AdminResponse r = call("PATCH", "/api/v1/volumes/local-1");
        assertError(r, 405, "MethodNotAllowed", null);
        assertEquals("DELETE, GET", r.headers().get("Allow"));
        assertEquals("GET, POST", call("DELETE", "/api/v1/volumes").headers().get("Allow"));
        assertError(call("POST", "/api/v1/info"), 405, "MethodNotAllowed", null);
    }

    @Test
    void bodiesOver1MiBAre413() throws Exception {
        byte[] big = new byte[AdminRouter.MAX_BODY + 1];
        Arrays.fill(big, (byte) ' ');
        AdminResponse r = router.handle(AdminRequest.of("PUT", "/api/v1/policies", big, AUTH));
        assertError(r, 413, "PayloadTooLarge", "(body)");
        byte[] justFits = new byte[AdminRouter.MAX_BODY];
        Arrays.fill(justFits, (byte) ' ');
        byte[] policy = POLICY.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(policy, 0, justFits, 0, policy.length);
        assertEquals(201, router.handle(AdminRequest.of("PUT", "/api/v1/policies", justFits, AUTH)).status());
    }

    @Test
    void unexpectedFailuresAre500WithoutDetails() throws Exception {
        MoveControl broken = new MoveControl() {
            @Override
            public MovePlan dryRun(List<Rule> rules) {
                throw new IllegalStateException("secret internal detail at line 42");
            }

            @Override
            public MovePlan applyNow() {
                throw new NullPointerException();
            }

            @Override
            public List<MoveStatus> moves() {
                return List.of();
            }

            @Override
            public MoveStatus move(String id) {
                return null;
            }

            @Override
            public MoveStatus cancel(String id) {
                return null;
            }
        };
        AdminRouter r = router(new TieringControl(fake.volumes, fake.policies, broken, fake.files), null);
        AdminResponse resp = r.handle(AdminRequest.of("POST", "/api/v1/policies/dry-run", null, AUTH));
        assertError(resp, 500, "Internal", null);
        assertFalse(resp.bodyText().contains("secret internal detail"), resp.bodyText());
        assertError(r.handle(AdminRequest.of("POST", "/api/v1/policies/apply", null, AUTH)), 500, "Internal", null);
    }

    @Test
    void queryParsingDecodesPlusAndPercent() {
        AdminRequest r = AdminRequest.of("GET", "/x?a=1+2&b=%2Fc&a=3&flag", null, null);
        assertEquals("1 2", r.queryParam("a"));
        assertEquals(List.of("1 2", "3"), r.query().get("a"));
        assertEquals("/c", r.queryParam("b"));
        assertEquals("", r.queryParam("flag"));
        assertNull(r.queryParam("missing"));
    }
}
