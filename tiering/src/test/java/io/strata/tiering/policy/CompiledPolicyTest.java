package io.strata.tiering.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.volume.Tier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledPolicyTest {
    /** A fixed clock, so ages at the boundary are exact. */
    private static final long NOW = 1_700_000_000_000L;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static FileFacts file(String bucket, String path, long size) {
        return new FileFacts(bucket, path, size, NOW, NOW, Map.of(), Map.of());
    }

    private static FileFacts aged(long modifiedAgo, long accessedAgo) {
        return new FileFacts("b", "k", 10, NOW - modifiedAgo, NOW - accessedAgo, Map.of(), Map.of());
    }

    private static FileFacts labelled(Map<String, String> tags, Map<String, String> metadata) {
        return new FileFacts("b", "k", 10, NOW, NOW, tags, metadata);
    }

    private static Match match(String bucket, String path, Long min, Long max, Duration modified,
                               Duration accessed) {
        return new Match(bucket, path, min, max, modified, accessed, Map.of(), Map.of());
    }

    private static CompiledPolicy policy(Match... matches) {
        Rule[] rules = new Rule[matches.length];
        for (int i = 0; i < matches.length; i++) {
            rules[i] = new Rule("r" + i, matches[i], Target.tier(Tier.NAS));
        }
        return new CompiledPolicy(7, List.of(rules));
    }

    private static boolean matches(Match m, FileFacts f) {
        return policy(m).evaluate(f, NOW).matched();
    }

    @Test
    void firstMatchingRuleWinsSoOrderMatters() {
        Rule toCloud = new Rule("big-to-cloud", match(null, null, 100L, null, null, null), Target.tier(Tier.CLOUD));
        Rule pinAll = new Rule("pin-all", Match.ANY, Target.pin());
        FileFacts big = file("b", "k", 1000);

        Decision d = new CompiledPolicy(1, List.of(toCloud, pinAll)).evaluate(big, NOW);
        assertEquals(0, d.ruleIndex());
        assertSame(toCloud, d.rule());

        Decision reversed = new CompiledPolicy(1, List.of(pinAll, toCloud)).evaluate(big, NOW);
        assertEquals(0, reversed.ruleIndex());
        assertSame(pinAll, reversed.rule());
    }

    @Test
    void aLaterRuleMatchesWhenEarlierOnesDoNot() {
        Rule small = new Rule("small", match(null, null, null, 10L, null, null), Target.tier(Tier.NVME));
        Rule rest = new Rule("rest", Match.ANY, Target.tier(Tier.NAS));
        Decision d = new CompiledPolicy(1, List.of(small, rest)).evaluate(file("b", "k", 11), NOW);
        assertEquals(1, d.ruleIndex());
        assertEquals("rest", d.rule().name());
    }

    @Test
    void noMatchingRuleLeavesTheFileWhereItIs() {
        CompiledPolicy p = policy(match("logs", null, null, null, null, null));
        Decision d = p.evaluate(file("photos", "a.jpg", 1), NOW);
        assertSame(Decision.NONE, d);
        assertFalse(d.matched());
        assertEquals(-1, d.ruleIndex());
    }

    @Test
    void anEmptyPolicyMatchesNothing() {
        CompiledPolicy p = new CompiledPolicy(0, List.of());
        assertTrue(p.isEmpty());
        assertSame(Decision.NONE, p.evaluate(file("b", "k", 1), NOW));
    }

    @Test
    void bucketGlobSelectsBuckets() {
        Match m = match("logs-*", null, null, null, null, null);
        assertTrue(matches(m, file("logs-eu", "x", 1)));
        assertFalse(matches(m, file("logs", "x", 1)));
        assertFalse(matches(m, file("app-logs-eu", "x", 1)));
    }

    @Test
    void pathGlobSelectsKeysInsideTheBucket() {
        Match m = match(null, "**/*.gz", null, null, null, null);
        assertTrue(matches(m, file("any", "2024/01/app.gz", 1)));
        assertTrue(matches(m, file("any", "app.gz", 1)));
        assertFalse(matches(m, file("any", "2024/01/app.log", 1)));
    }

    @Test
    void sizeBoundsAreInclusive() {
        Match m = match(null, null, 100L, 200L, null, null);
        assertFalse(matches(m, file("b", "k", 99)));
        assertTrue(matches(m, file("b", "k", 100)));
        assertTrue(matches(m, file("b", "k", 200)));
        assertFalse(matches(m, file("b", "k", 201)));
    }

    @Test
    void modifiedOlderThanHoldsFromTheExactAge() {
        Match m = match(null, null, null, null, Duration.ofDays(30), null);
        assertTrue(matches(m, aged(30 * DAY, 0)));
        assertFalse(matches(m, aged(30 * DAY - 1, 0)));
        assertTrue(matches(m, aged(31 * DAY, 0)));
    }

    @Test
    void accessedOlderThanHoldsFromTheExactAge() {
        Match m = match(null, null, null, null, null, Duration.ofHours(12));
        long twelveHours = Duration.ofHours(12).toMillis();
        assertTrue(matches(m, aged(0, twelveHours)));
        assertFalse(matches(m, aged(100 * DAY, twelveHours - 1)), "an old file read recently is not cold");
    }

    @Test
    void aTimestampInTheFutureCountsAsJustNow() {
        // Clock skew between nodes must not make a fresh file look ancient (or break the comparison).
        Match m = match(null, null, null, null, Duration.ofSeconds(1), null);
        assertFalse(matches(m, aged(-DAY, 0)));
        assertTrue(matches(match(null, null, null, null, Duration.ZERO, null), aged(-DAY, 0)));
    }

    @Test
    void everyTagMustBePresentWithItsValue() {
        Match m = new Match(null, null, null, null, null, null, Map.of("env", "prod", "team", "data"), Map.of());
        assertTrue(matches(m, labelled(Map.of("env", "prod", "team", "data", "extra", "x"), Map.of())));
        assertFalse(matches(m, labelled(Map.of("env", "prod"), Map.of())));
        assertFalse(matches(m, labelled(Map.of("env", "prod", "team", "web"), Map.of())));
        assertFalse(matches(m, labelled(Map.of("env", "PROD", "team", "data"), Map.of())), "values are exact");
    }

    @Test
    void metadataMustAllMatchWithKeysCaseInsensitive() {
        Match m = new Match(null, null, null, null, null, null, Map.of(), Map.of("Owner", "alice", "kind", "raw"));
        assertTrue(matches(m, labelled(Map.of(), Map.of("owner", "alice", "KIND", "raw"))));
        assertFalse(matches(m, labelled(Map.of(), Map.of("owner", "alice"))));
        assertFalse(matches(m, labelled(Map.of(), Map.of("owner", "Alice", "kind", "raw"))), "values are exact");
    }

    @Test
    void tagsAreNotMetadata() {
        Match m = new Match(null, null, null, null, null, null, Map.of("env", "prod"), Map.of());
        assertFalse(matches(m, labelled(Map.of(), Map.of("env", "prod"))));
    }

    @Test
    void everyConditionMustHold() {
        Match m = new Match("logs", "**/*.gz", 10L, null, Duration.ofDays(1), null, Map.of("env", "prod"), Map.of());
        FileFacts ok = new FileFacts("logs", "a/b.gz", 10, NOW - DAY, NOW, Map.of("env", "prod"), Map.of());
        assertTrue(matches(m, ok));
        assertFalse(matches(m, new FileFacts("logs", "a/b.gz", 9, NOW - DAY, NOW, Map.of("env", "prod"), Map.of())));
        assertFalse(matches(m, new FileFacts("logs", "a/b.gz", 10, NOW - DAY + 1, NOW, Map.of("env", "prod"),
                Map.of())));
        assertFalse(matches(m, new FileFacts("logs", "a/b.gz", 10, NOW - DAY, NOW, Map.of(), Map.of())));
        assertFalse(matches(m, new FileFacts("logs", "a/b.txt", 10, NOW - DAY, NOW, Map.of("env", "prod"),
                Map.of())));
        assertFalse(matches(m, new FileFacts("logz", "a/b.gz", 10, NOW - DAY, NOW, Map.of("env", "prod"),
                Map.of())));
    }

    @Test
    void theReasonNamesEachConditionWithTheFilesValues() {
        Match m = new Match("logs*", "**/*.gz", 1024L, 4096L, Duration.ofDays(30), Duration.ofHours(2),
                Map.of("env", "prod"), Map.of("owner", "alice"));
        FileFacts f = new FileFacts("logs-eu", "2024/app.gz", 2048, NOW - 31 * DAY - Duration.ofHours(5).toMillis(),
                NOW - Duration.ofMinutes(150).toMillis(), Map.of("env", "prod"), Map.of("owner", "alice"));
        String reason = policy(m).evaluate(f, NOW).reason();
        assertEquals("bucket logs-eu matches logs*, path matches **/*.gz, size 2048 >= 1024, size 2048 <= 4096, "
                + "modified 31d5h ago (>= 30d), last accessed 2h30m ago (>= 2h), tags {env=prod}, "
                + "metadata {owner=alice}", reason);
    }

    @Test
    void aRuleWithoutConditionsSaysItMatchesEveryFile() {
        assertEquals("matches every file", policy(Match.ANY).evaluate(file("b", "k", 0), NOW).reason());
    }

    @Test
    void shortAgesReadInMinutesAndSeconds() {
        Match m = match(null, null, null, null, Duration.ofSeconds(45), null);
        assertEquals("modified 45s ago (>= 45s)", policy(m).evaluate(aged(45_000, 0), NOW).reason());
        Match minutes = match(null, null, null, null, Duration.ofMinutes(15), null);
        assertEquals("modified 16m ago (>= 15m)",
                policy(minutes).evaluate(aged(Duration.ofMinutes(16).toMillis() + 30_000, 0), NOW).reason());
    }

    @Test
    void aBadGlobIsRefusedNamingTheRuleAndField() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> policy(Match.ANY, match(null, "", null, null, null, null)));
        assertEquals("rules[1].match.path", e.field());
        InvalidFieldException bucket = assertThrows(InvalidFieldException.class,
                () -> policy(match("", null, null, null, null, null)));
        assertEquals("rules[0].match.bucket", bucket.field());
    }

    @Test
    void keepsItsVersionAndRules() {
        CompiledPolicy p = policy(Match.ANY, Match.ANY);
        assertEquals(7, p.version());
        assertEquals(List.of("r0", "r1"), p.rules().stream().map(Rule::name).toList());
        assertFalse(p.isEmpty());
    }
}
