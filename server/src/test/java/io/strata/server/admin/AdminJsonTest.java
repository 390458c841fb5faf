package io.strata.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.tiering.mover.MovePlan;
import io.strata.tiering.mover.MoveState;
import io.strata.tiering.mover.MoveStatus;
import io.strata.tiering.mover.PlannedMove;
import io.strata.tiering.placement.PlacedRange;
import io.strata.tiering.placement.Placement;
import io.strata.tiering.volume.Tier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON the admin API writes for plans, moves and placements: every value where a user looks for it. */
class AdminJsonTest {
    static final PlannedMove MOVE = new PlannedMove("demo", "logs/a.gz", 17, 1000, "local-1", "cold-1",
            "old-to-cloud", "modified 40d ago");

    @Test
    void aPlanCarriesTotalsBytesPerTargetSortedAndItsMoves() {
        Map<String, Long> byTarget = new LinkedHashMap<>();
        byTarget.put("z-vol", 1L);
        byTarget.put("a-vol", 999L);
        JsonNode j = MoveJson.toJson(new MovePlan(3, 500, 2, 1000, byTarget, List.of(MOVE), 12));
        assertEquals(3, j.path("policyVersion").asInt());
        assertEquals(500, j.path("filesScanned").asLong());
        assertEquals(2, j.path("files").asLong());
        assertEquals(1000, j.path("bytes").asLong());
        assertEquals(12, j.path("evaluationMillis").asLong());
        assertEquals(List.of("a-vol", "z-vol"), iterable(j.path("bytesByTarget").fieldNames()));
        assertEquals(999, j.path("bytesByTarget").path("a-vol").asLong());
        JsonNode m = j.path("moves").get(0);
        assertEquals("demo", m.path("bucket").asText());
        assertEquals("logs/a.gz", m.path("path").asText());
        assertEquals(17, m.path("inodeId").asLong());
        assertEquals(1000, m.path("bytes").asLong());
        assertEquals("local-1", m.path("fromVolume").asText());
        assertEquals("cold-1", m.path("toVolume").asText());
        assertEquals("old-to-cloud", m.path("rule").asText());
        assertEquals("modified 40d ago", m.path("reason").asText());
    }

    @Test
    void anEmptyPlanStillHasEveryField() {
        JsonNode j = MoveJson.toJson(new MovePlan(0, 0, 0, 0, Map.of(), List.of(), 0));
        assertTrue(j.path("moves").isArray());
        assertTrue(j.path("bytesByTarget").isObject());
        assertEquals(0, j.path("files").asLong());
    }

    @Test
    void aMoveStatusHasLowerCaseStateFinishedAndTimes() {
        Instant t = Instant.parse("2025-03-04T05:06:07Z");
        JsonNode j = MoveJson.toJson(new MoveStatus("m7", MOVE, MoveState.RETRYING, 400, 2, t, t.plusSeconds(5),
                "file changed while copied"));
        assertEquals("m7", j.path("id").asText());
        assertEquals("retrying", j.path("state").asText());
        assertFalse(j.path("finished").asBoolean());
        assertEquals(400, j.path("bytesCopied").asLong());
        assertEquals(2, j.path("attempts").asInt());
        assertEquals("2025-03-04T05:06:07Z", j.path("queuedAt").asText());
        assertEquals("2025-03-04T05:06:12Z", j.path("updatedAt").asText());
        assertEquals("file changed while copied", j.path("error").asText());
        assertEquals("logs/a.gz", j.path("plan").path("path").asText());

        JsonNode done = MoveJson.toJson(new MoveStatus("m8", MOVE, MoveState.DONE, 1000, 1, t, null, null));
        assertTrue(done.path("finished").asBoolean());
        assertTrue(done.path("updatedAt").isNull());
        assertTrue(done.path("error").isNull());
    }

    @Test
    void aPlacementListsItsRangesWithTierNames() {
        JsonNode j = PlacementJson.toJson(new Placement("demo", "a/b.bin", 9, 3000, "\"etag\"", "GLACIER",
                List.of(new PlacedRange(0, 1000, "local-1", Tier.NVME, "b1"),
                        new PlacedRange(1000, 2000, "cold-1", Tier.CLOUD, "b2")), 4, null, null, null));
        assertEquals("demo", j.path("bucket").asText());
        assertEquals("a/b.bin", j.path("path").asText());
        assertEquals(9, j.path("inodeId").asLong());
        assertEquals(3000, j.path("size").asLong());
        assertEquals("\"etag\"", j.path("etag").asText());
        assertEquals("GLACIER", j.path("storageClass").asText());
        assertEquals(4, j.path("policyVersion").asInt());
        assertTrue(j.path("rule").isNull());
        assertTrue(j.path("wantedVolume").isNull());
        JsonNode r = j.path("ranges").get(1);
        assertEquals(1000, r.path("offset").asLong());
        assertEquals(2000, r.path("length").asLong());
        assertEquals("cold-1", r.path("volume").asText());
        assertEquals("cloud", r.path("tier").asText());
        assertEquals("b2", r.path("blob").asText());
    }

    @Test
    void infoCountsUptimeFromTheStart() {
        InfoResource info = new InfoResource(() -> null, java.time.Clock.fixed(Instant.parse("2025-01-01T01:00:00Z"),
                java.time.ZoneOffset.UTC));
        JsonNode j = info.toJson(new ServerInfo("v", "n", "/d", 1, 2, 3, Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals(3600, j.path("uptimeSeconds").asLong());
        assertEquals(3, j.path("ports").path("admin").asInt());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
