package io.strata.tiering.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.policy.Match;
import io.strata.tiering.policy.PolicyVersion;
import io.strata.tiering.policy.Rule;
import io.strata.tiering.policy.Target;
import io.strata.tiering.volume.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyJsonTest {
    /** JSON with single quotes, to keep the bodies readable in Java strings. */
    private static JsonNode json(String singleQuoted) {
        try {
            return PolicyJson.MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError("bad test JSON: " + singleQuoted, e);
        }
    }

    private static List<Rule> rules(String singleQuoted) {
        return PolicyJson.rules(json(singleQuoted));
    }

    /** Parses a body that must be refused, and returns the field the refusal names. */
    private static String refusedField(String singleQuoted) {
        return assertThrows(InvalidFieldException.class, () -> rules(singleQuoted)).field();
    }

    private static Match matchOf(String matchJson) {
        return rules("{'rules': [{'match': " + matchJson + ", 'target': {'pin': true}}]}").get(0).match();
    }

    private static final String FULL = """
            {'comment': 'spring cleaning', 'rules': [
              {'name': 'old-logs-to-cloud',
               'match': {'bucket': 'logs*', 'path': '**/*.gz', 'minSize': '1MiB', 'maxSize': '10GB',
                         'modifiedOlderThan': '30d', 'accessedOlderThan': '12h',
                         'tags': {'env': 'prod'}, 'metadata': {'owner': 'alice'}},
               'target': {'tier': 'cloud', 'recallOnAccess': true}},
              {'name': 'scratch',
               'match': {'minSize': 4096, 'maxSize': 1048576, 'modifiedOlderThan': '15m', 'accessedOlderThan': '45s'},
               'target': {'volume': 'nas-1'}},
              {'match': {'modifiedOlderThan': '1w', 'accessedOlderThan': 'PT2H'},
               'target': {'pin': true}}]}
            """;

    @Test
    void parsesEveryFieldOfAFullPolicy() {
        List<Rule> rules = rules(FULL);
        assertEquals(3, rules.size());

        Rule first = rules.get(0);
        assertEquals("old-logs-to-cloud", first.name());
        assertEquals(new Match("logs*", "**/*.gz", 1L << 20, 10_000_000_000L, Duration.ofDays(30),
                Duration.ofHours(12), Map.of("env", "prod"), Map.of("owner", "alice")), first.match());
        assertEquals(Target.tier(Tier.CLOUD).withRecallOnAccess(true), first.target());

        Rule second = rules.get(1);
        assertEquals(new Match(null, null, 4096L, 1048576L, Duration.ofMinutes(15), Duration.ofSeconds(45),
                Map.of(), Map.of()), second.match());
        assertEquals(Target.volume("nas-1"), second.target());

        Rule third = rules.get(2);
        assertEquals(Duration.ofDays(7), third.match().modifiedOlderThan());
        assertEquals(Duration.ofHours(2), third.match().accessedOlderThan());
        assertEquals(Target.pin(), third.target());

        assertEquals("spring cleaning", PolicyJson.comment(json(FULL)));
    }

    @Test
    void sizeUnitsAreDecimalOrBinaryAsWritten() {
        assertEquals(1000L, matchOf("{'minSize': '1KB'}").minSize());
        assertEquals(1024L, matchOf("{'minSize': '1KiB'}").minSize());
        assertEquals(5_000_000L, matchOf("{'minSize': '5MB'}").minSize());
        assertEquals(3L << 30, matchOf("{'minSize': '3GiB'}").minSize());
        assertEquals(2_000_000_000_000L, matchOf("{'minSize': '2TB'}").minSize());
        assertEquals(1L << 40, matchOf("{'minSize': '1TiB'}").minSize());
        assertEquals(7L, matchOf("{'minSize': '7B'}").minSize());
        assertEquals(7L, matchOf("{'minSize': '7'}").minSize());
        assertEquals(1L << 20, matchOf("{'minSize': ' 1 MiB '}").minSize());
        assertEquals(0L, matchOf("{'minSize': 0}").minSize());
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        assertEquals(Duration.ofMillis(500), matchOf("{'modifiedOlderThan': '500ms'}").modifiedOlderThan());
        assertEquals(Duration.ofDays(1), matchOf("{'modifiedOlderThan': 'P1D'}").modifiedOlderThan());
        assertEquals(Duration.ofHours(2), matchOf("{'modifiedOlderThan': 'pt2h'}").modifiedOlderThan());
        assertEquals(Duration.ofDays(3), matchOf("{'modifiedOlderThan': ' 3 d '}").modifiedOlderThan());
    }

    @Test
    void aRuleWithoutMatchMatchesEverything() {
        assertEquals(Match.ANY, rules("{'rules': [{'target': {'tier': 'nas'}}]}").get(0).match());
        assertEquals(Match.ANY, rules("{'rules': [{'match': null, 'target': {'tier': 'nas'}}]}").get(0).match());
    }

    @Test
    void unnamedRulesAreNamedByTheirPositionFromOne() {
        List<Rule> rules = rules("{'rules': [{'name': 'keep', 'target': {'pin': true}},"
                + " {'target': {'pin': true}}, {'name': '  ', 'target': {'pin': true}}]}");
        assertEquals(List.of("keep", "rule-2", "rule-3"), rules.stream().map(Rule::name).toList());
    }

    @Test
    void tierNamesAreCaseInsensitive() {
        assertEquals(Target.tier(Tier.NVME), rules("{'rules': [{'target': {'tier': 'NVMe'}}]}").get(0).target());
    }

    @Test
    void anEmptyRuleListIsAValidPolicy() {
        assertTrue(rules("{'rules': []}").isEmpty());
        assertNull(PolicyJson.comment(json("{'rules': []}")));
    }

    @Test
    void rulesRoundTripThroughToJson() {
        List<Rule> original = rules(FULL);
        ObjectNode body = PolicyJson.MAPPER.createObjectNode();
        var array = body.putArray("rules");
        original.forEach(r -> array.add(PolicyJson.toJson(r)));
        assertEquals(original, PolicyJson.rules(body));
    }

    @Test
    void oddDurationsRoundTripExactly() {
        for (String d : List.of("1500ms", "90s", "PT25H", "61m", "0s")) {
            Match m = matchOf("{'modifiedOlderThan': '" + d + "'}");
            Rule r = new Rule("r", m, Target.pin());
            ObjectNode body = PolicyJson.MAPPER.createObjectNode();
            body.putArray("rules").add(PolicyJson.toJson(r));
            assertEquals(m.modifiedOlderThan(), PolicyJson.rules(body).get(0).match().modifiedOlderThan(), d);
        }
    }

    @Test
    void durationsAreWrittenInTheShortestWholeUnit() {
        assertEquals("30d", PolicyJson.duration(Duration.ofDays(30)));
        assertEquals("25h", PolicyJson.duration(Duration.ofHours(25)));
        assertEquals("61m", PolicyJson.duration(Duration.ofMinutes(61)));
        assertEquals("45s", PolicyJson.duration(Duration.ofSeconds(45)));
        assertEquals("1500ms", PolicyJson.duration(Duration.ofMillis(1500)));
        assertNull(PolicyJson.duration(null));
    }

    @Test
    void aStoredVersionRoundTrips() {
        PolicyVersion v = new PolicyVersion(4, Instant.parse("2024-05-06T07:08:09.123Z"), "why", rules(FULL));
        assertEquals(v, PolicyJson.version(PolicyJson.toJson(v)));
        PolicyVersion noComment = new PolicyVersion(5, Instant.EPOCH, null, List.of());
        assertEquals(noComment, PolicyJson.version(PolicyJson.toJson(noComment)));
    }

    @Test
    void aMissingRuleListIsRefused() {
        assertEquals("rules", refusedField("{'comment': 'x'}"));
        assertEquals("rules", refusedField("{'rules': null}"));
    }

    @Test
    void rulesThatAreNotAnArrayAreRefused() {
        assertEquals("rules", refusedField("{'rules': {'target': {'pin': true}}}"));
        assertEquals("rules", refusedField("{'rules': 'all'}"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertEquals("(body)", refusedField("[]"));
    }

    @Test
    void unknownTopLevelFieldsAreRefused() {
        assertEquals("rule", refusedField("{'rule': []}"));
    }

    @Test
    void aRuleThatIsNotAnObjectIsRefusedByPosition() {
        assertEquals("rules[1]", refusedField("{'rules': [{'target': {'pin': true}}, 'pin']}"));
    }

    @Test
    void aMisspelledFieldIsRefusedRatherThanIgnored() {
        assertEquals("rules[0].match.minsize",
                refusedField("{'rules': [{'match': {'minsize': 1}, 'target': {'pin': true}}]}"));
        assertEquals("rules[0].targets", refusedField("{'rules': [{'targets': {'pin': true}}]}"));
        assertEquals("rules[0].target.recall",
                refusedField("{'rules': [{'target': {'pin': true, 'recall': true}}]}"));
    }

    @Test
    void aRuleWithoutTargetIsRefused() {
        assertEquals("rules[0].target", refusedField("{'rules': [{'match': {'bucket': 'b'}}]}"));
        assertEquals("rules[0].target", refusedField("{'rules': [{'target': null}]}"));
    }

    @Test
    void aBadSizeIsRefusedNamingItsRuleAndField() {
        String ok = "{'target': {'pin': true}}";
        for (String bad : List.of("-1", "1.5", "'1.5MiB'", "'ten'", "'10 XB'", "true", "'-5'")) {
            assertEquals("rules[1].match.minSize",
                    refusedField("{'rules': [" + ok + ", {'match': {'minSize': " + bad + "}, 'target': {'pin': true}}]}"),
                    bad);
        }
        assertEquals("rules[0].match.maxSize",
                refusedField("{'rules': [{'match': {'maxSize': 'big'}, 'target': {'pin': true}}]}"));
    }

    @Test
    void minSizeAboveMaxSizeIsRefusedButEqualIsFine() {
        assertEquals("rules[0].match.minSize",
                refusedField("{'rules': [{'match': {'minSize': '2MiB', 'maxSize': '1MiB'}, 'target': {'pin': true}}]}"));
        Match equal = matchOf("{'minSize': 1048576, 'maxSize': '1MiB'}");
        assertEquals(equal.minSize(), equal.maxSize());
    }

    @Test
    void aTargetMustNameExactlyOneDestination() {
        assertEquals("rules[0].target", refusedField("{'rules': [{'target': {'tier': 'nas', 'volume': 'v'}}]}"));
        assertEquals("rules[0].target", refusedField("{'rules': [{'target': {'tier': 'nas', 'pin': true}}]}"));
        assertEquals("rules[0].target", refusedField("{'rules': [{'target': {'volume': 'v', 'pin': true}}]}"));
        assertEquals("rules[0].target", refusedField("{'rules': [{'target': {}}]}"));
        assertEquals("rules[0].target", refusedField("{'rules': [{'target': {'pin': false}}]}"));
        assertEquals("rules[0].target", refusedField("{'rules': [{'target': {'recallOnAccess': true}}]}"));
    }

    @Test
    void anUnknownTierIsRefusedNamingIt() {
        String field = refusedField("{'rules': [{'target': {'pin': true}}, {'target': {'pin': true}},"
                + " {'target': {'tier': 'tape'}}]}");
        assertEquals("rules[2].target.tier", field);
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> rules("{'rules': [{'target': {'tier': 'tape'}}]}"));
        assertTrue(e.reason().contains("tape"), e.reason());
    }

    @Test
    void theMetadataTierIsNotATarget() {
        // Inline storage is chosen by size at write time; a rule cannot send files there.
        assertEquals("rules[0].target.tier", refusedField("{'rules': [{'target': {'tier': 'metadata'}}]}"));
    }

    @Test
    void targetFieldsOfTheWrongTypeAreRefused() {
        assertEquals("rules[0].target.tier", refusedField("{'rules': [{'target': {'tier': 1}}]}"));
        assertEquals("rules[0].target.volume", refusedField("{'rules': [{'target': {'volume': ['a']}}]}"));
        assertEquals("rules[0].target.pin", refusedField("{'rules': [{'target': {'pin': 'yes'}}]}"));
        assertEquals("rules[0].target.recallOnAccess",
                refusedField("{'rules': [{'target': {'tier': 'nas', 'recallOnAccess': 1}}]}"));
        assertEquals("rules[0].target", refusedField("{'rules': [{'target': 'nas'}]}"));
    }

    @Test
    void aBadDurationIsRefusedNamingItsField() {
        for (String bad : List.of("'30 days'", "'1y'", "'-PT1H'", "'d'", "30", "'3.5h'", "''")) {
            assertEquals("rules[0].match.modifiedOlderThan",
                    refusedField("{'rules': [{'match': {'modifiedOlderThan': " + bad + "}, 'target': {'pin': true}}]}"),
                    bad);
        }
        assertEquals("rules[0].match.accessedOlderThan",
                refusedField("{'rules': [{'match': {'accessedOlderThan': '2 fortnights'}, 'target': {'pin': true}}]}"));
    }

    @Test
    void tagAndMetadataValuesMustBeStrings() {
        assertEquals("rules[0].match.tags.env",
                refusedField("{'rules': [{'match': {'tags': {'env': 1}}, 'target': {'pin': true}}]}"));
        assertEquals("rules[0].match.metadata.owner",
                refusedField("{'rules': [{'match': {'metadata': {'owner': null}}, 'target': {'pin': true}}]}"));
        assertEquals("rules[0].match.tags",
                refusedField("{'rules': [{'match': {'tags': ['env']}, 'target': {'pin': true}}]}"));
    }

    @Test
    void globsAndNamesMustBeStrings() {
        assertEquals("rules[0].match.bucket",
                refusedField("{'rules': [{'match': {'bucket': 5}, 'target': {'pin': true}}]}"));
        assertEquals("rules[0].match.path",
                refusedField("{'rules': [{'match': {'path': {}}, 'target': {'pin': true}}]}"));
        assertEquals("rules[0].name", refusedField("{'rules': [{'name': 7, 'target': {'pin': true}}]}"));
        assertEquals("rules[0].match", refusedField("{'rules': [{'match': [], 'target': {'pin': true}}]}"));
    }

    @Test
    void aNonStringCommentIsRefused() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> PolicyJson.comment(json("{'rules': [], 'comment': 3}")));
        assertEquals("comment", e.field());
    }

    @Test
    void theFirstFaultyRuleIsTheOneNamed() {
        assertEquals("rules[1].match.maxSize", refusedField("{'rules': [{'target': {'pin': true}},"
                + " {'match': {'maxSize': 'x'}, 'target': {'tier': 'tape'}},"
                + " {'target': {'tier': 'tape'}}]}"));
    }

    @Test
    void valuesTooLargeAreRefusedNamingTheField() {
        String pin = ", 'target': {'pin': true}}]}";
        // 20 digits: more than a long holds.
        assertEquals("rules[0].match.minSize",
                refusedField("{'rules': [{'match': {'minSize': '99999999999999999999'}" + pin));
        // fits a long as digits, but 20,000,000 TiB does not fit in bytes: the product wraps.
        assertEquals("rules[0].match.maxSize",
                refusedField("{'rules': [{'match': {'maxSize': '20000000TiB'}" + pin));
        assertEquals("rules[0].match.modifiedOlderThan",
                refusedField("{'rules': [{'match': {'modifiedOlderThan': '99999999999999999999d'}" + pin));
        // Duration.ofDays overflows the seconds of a Duration.
        assertEquals("rules[0].match.modifiedOlderThan",
                refusedField("{'rules': [{'match': {'modifiedOlderThan': '999999999999999d'}" + pin));
        // 7 * n would wrap to 5: a five-day rule out of an absurd number of weeks.
        assertEquals("rules[0].match.accessedOlderThan",
                refusedField("{'rules': [{'match': {'accessedOlderThan': '2635249153387078803w'}" + pin));
    }

    @Test
    void theRefusalReadsAsFieldThenReason() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> rules("{'rules': [{'match': {'minSize': 'x'}, 'target': {'pin': true}}]}"));
        assertTrue(e.getMessage().startsWith("rules[0].match.minSize: "), e.getMessage());
        assertFalse(e.reason().startsWith("rules[0]"), e.reason());
    }
}
