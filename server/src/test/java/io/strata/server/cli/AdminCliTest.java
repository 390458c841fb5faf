package io.strata.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI without a server: parsing, request bodies, and what tables and progress look like. */
class AdminCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        // port 9 (discard) is never an admin API: a test that reached the network would fail loudly
        AdminCli cli = new AdminCli(Map.of("STRATA_ADMIN_URL", "http://127.0.0.1:9"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, millis -> { }, new ByteArrayInputStream(new byte[0]), Path.of("."));
        return cli.run(List.of(args));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String s) throws Exception {
        return AdminClient.MAPPER.readTree(s);
    }

    // --- parsing

    @Test
    void optionsTakeAValueEitherWayAndSwitchesNone() {
        CliArgs a = CliArgs.parse(List.of("volume", "add", "nas-1", "--tier", "nas", "--path=/mnt/x", "--json", "-"));
        assertEquals(List.of("volume", "add", "nas-1", "-"), a.words());
        assertEquals("nas", a.option("--tier"));
        assertEquals("/mnt/x", a.option("--path"));
        assertTrue(a.has("--json"));
        assertEquals(List.of("nas-1", "-"), a.dropWords(2).words());
    }

    @Test
    void parsingMistakesAreUsageErrors() {
        assertEquals("--tier needs a value",
                assertThrows(UsageException.class, () -> CliArgs.parse(List.of("--tier"))).getMessage());
        assertThrows(UsageException.class, () -> CliArgs.parse(List.of("--watch=yes")));
        assertThrows(UsageException.class, () -> CliArgs.parse(List.of("-x")));
    }

    @Test
    void theLongestCommandNameWins() {
        assertEquals("volume add", AdminCli.find(List.of("volume", "add", "x")).name());
        assertEquals("volumes", AdminCli.find(List.of("volumes")).name());
        assertEquals("policy dry-run", AdminCli.find(List.of("policy", "dry-run", "f.json")).name());
        UsageException e = assertThrows(UsageException.class, () -> AdminCli.find(List.of("volume", "grow")));
        assertTrue(e.getMessage().contains("volume add"), e.getMessage());
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertEquals(0, run("--help"));
        for (Command c : AdminCli.COMMANDS) {
            assertTrue(stdout().contains(c.name()), c.name());
        }
        assertTrue(stdout().contains("STRATA_ADMIN_URL"));
        assertTrue(stdout().contains("STRATA_ROOT_PASSWORD"));
        assertEquals(0, run("volume", "add", "--help"));
        assertTrue(stdout().contains("usage: strata admin volume add <id> --tier"), stdout());
    }

    @Test
    void commandLineMistakesExit2WithoutAskingTheServer() {
        assertEquals(2, run());
        assertTrue(stderr().startsWith("usage: strata admin"), stderr());
        assertEquals(2, run("frobnicate"));
        assertTrue(stderr().contains("unknown command 'frobnicate'"), stderr());
        assertEquals(2, run("volume", "add", "nas-1", "--path", "/x"));
        assertTrue(stderr().contains("--tier is required"), stderr());
        assertEquals(2, run("volumes", "--tier", "nas"));
        assertTrue(stderr().contains("unknown option --tier for 'volumes'"), stderr());
        assertEquals(2, run("volume", "drain"));
        assertTrue(stderr().contains("the volume id is missing"), stderr());
        assertEquals(2, run("placement", "justabucket"));
        assertEquals(2, run("info", "--url", "ftp://x"));
        assertEquals("", stdout());
    }

    @Test
    void anUnreachableServerExits1WithAHint() {
        assertEquals(1, run("info"));
        assertTrue(stderr().contains("cannot reach the admin API at http://127.0.0.1:9"), stderr());
    }

    // --- request bodies

    @Test
    void volumeAddBuildsALocalSpec() throws Exception {
        JsonNode spec = VolumeCommands.spec(CliArgs.parse(List.of("nas-1", "--tier", "nas", "--path", "/mnt/nas")));
        assertEquals(json("{\"id\":\"nas-1\",\"tier\":\"nas\",\"path\":\"/mnt/nas\"}"), spec);
    }

    @Test
    void volumeAddBuildsACloudSpec() throws Exception {
        JsonNode spec = VolumeCommands.spec(CliArgs.parse(List.of("cold", "--tier", "cloud", "--endpoint",
                "https://s3.example", "--bucket", "archive", "--prefix", "strata", "--region", "eu-west-1",
                "--access-key", "AK", "--secret-key", "SK", "--path-style", "false")));
        assertEquals(json("{\"id\":\"cold\",\"tier\":\"cloud\",\"cloud\":{\"endpoint\":\"https://s3.example\","
                + "\"bucket\":\"archive\",\"prefix\":\"strata\",\"region\":\"eu-west-1\",\"accessKey\":\"AK\","
                + "\"secretKey\":\"SK\",\"pathStyle\":false}}"), spec);
    }

    @Test
    void volumeAddRefusesMixedOrBadFlags() {
        assertThrows(UsageException.class, () -> VolumeCommands.spec(CliArgs.parse(List.of("x", "--tier", "nas",
                "--path", "/x", "--bucket", "b"))));
        assertThrows(UsageException.class, () -> VolumeCommands.spec(CliArgs.parse(List.of("x", "--tier", "cloud",
                "--path", "/x"))));
        assertThrows(UsageException.class, () -> VolumeCommands.spec(CliArgs.parse(List.of("x", "--tier", "cloud",
                "--endpoint", "http://e", "--bucket", "b", "--path-style", "maybe"))));
        UsageException e = assertThrows(UsageException.class, () -> VolumeCommands.spec(CliArgs.parse(
                List.of("x", "--tier", "cloud", "--bucket", "b"))));
        assertEquals("--endpoint is required", e.getMessage());
    }

    @Test
    void placementEncodesEachSegment() {
        assertEquals("/api/v1/placement/demo/logs/a%20b%2Bc%3F.gz", PlacementCommand.urlPath("demo/logs/a b+c?.gz"));
        assertEquals("/api/v1/placement/demo/x", PlacementCommand.urlPath("/demo/x"));
        assertThrows(UsageException.class, () -> PlacementCommand.urlPath("demo/"));
    }

    @Test
    void serverErrorsCarryFieldAndMessage() {
        AdminApiException e = assertThrows(AdminApiException.class, () -> AdminClient.answer(400,
                "{\"error\":\"InvalidField\",\"field\":\"rules[0].target.tier\",\"message\":\"must be one of "
                        + "nvme, nas, cloud\"}"));
        assertEquals("rules[0].target.tier: must be one of nvme, nas, cloud (400 InvalidField)", e.getMessage());
        AdminApiException plain = assertThrows(AdminApiException.class, () -> AdminClient.answer(502, "Bad Gateway"));
        assertEquals("the server answered 502: Bad Gateway (502 HTTP)", plain.getMessage());
        assertEquals(null, AdminClient.answer(204, ""));
    }

    // --- rendering

    @Test
    void humanSizes() {
        assertEquals("0 B", Sizes.bytes(0));
        assertEquals("1023 B", Sizes.bytes(1023));
        assertEquals("1.0 KiB", Sizes.bytes(1024));
        assertEquals("1.5 MiB", Sizes.bytes(3L << 19));
        assertEquals("100.0 GiB", Sizes.bytes(100L << 30));
        assertEquals("-", Sizes.bytes(-1));
        assertEquals("1h 2m", Sizes.duration(3723));
        assertEquals("2d 0h", Sizes.duration(2 * 86400 + 5));
        assertEquals("45s", Sizes.duration(45));
    }

    @Test
    void tablesPadColumnsAndRightAlignNumbers() {
        List<String> lines = new Table("ID", "SIZE", "NOTE").right(1).add("a", "1 B", "x")
                .add("longer-id", "10.0 MiB", null).lines();
        assertEquals(List.of(
                "ID             SIZE  NOTE",
                "a               1 B  x",
                "longer-id  10.0 MiB  -"), lines);
    }

    @Test
    void volumesTableShowsSizesAndLocations() throws Exception {
        JsonNode volumes = json("[{\"id\":\"local-1\",\"tier\":\"nvme\",\"path\":\"/data\",\"state\":\"active\","
                + "\"capacityBytes\":107374182400,\"usedBytes\":3145728,\"freeBytes\":1},"
                + "{\"id\":\"cold\",\"tier\":\"cloud\",\"cloud\":{\"endpoint\":\"https://s3\",\"bucket\":\"b\","
                + "\"prefix\":\"p\"},\"state\":\"unreachable\",\"capacityBytes\":-1,\"usedBytes\":0,\"freeBytes\":-1}]");
        assertEquals(List.of(
                "ID       TIER   STATE           USED   CAPACITY  LOCATION",
                "local-1  nvme   active       3.0 MiB  100.0 GiB  /data",
                "cold     cloud  unreachable      0 B          -  https://s3/b/p"), VolumeCommands.table(volumes).lines());
    }

    static final String COPYING = "{\"id\":\"m1\",\"state\":\"copying\",\"finished\":false,\"bytesCopied\":5242880,"
            + "\"attempts\":1,\"plan\":{\"bucket\":\"demo\",\"path\":\"logs/a.gz\",\"bytes\":10485760,"
            + "\"fromVolume\":\"local-1\",\"toVolume\":\"cold-1\"}}";
    static final String QUEUED = "{\"id\":\"m2\",\"state\":\"queued\",\"finished\":false,\"bytesCopied\":0,"
            + "\"attempts\":0,\"plan\":{\"bucket\":\"demo\",\"path\":\"logs/b.gz\",\"bytes\":1048576,"
            + "\"fromVolume\":\"local-1\",\"toVolume\":\"cold-1\"}}";
    static final String DONE = "{\"id\":\"m0\",\"state\":\"done\",\"finished\":true,\"bytesCopied\":2048,"
            + "\"attempts\":1,\"plan\":{\"bucket\":\"demo\",\"path\":\"old.gz\",\"bytes\":2048,"
            + "\"fromVolume\":\"local-1\",\"toVolume\":\"cold-1\"}}";

    @Test
    void progressShowsABarPerUnfinishedMoveAndTotals() throws Exception {
        JsonNode moves = json("[" + COPYING + "," + QUEUED + "," + DONE + "]");
        assertEquals(List.of(
                "demo/logs/a.gz  local-1 -> cold-1  [############------------]  50%  5.0 MiB / 10.0 MiB  copying",
                "demo/logs/b.gz  local-1 -> cold-1  [------------------------]   0%  0 B / 1.0 MiB  queued",
                "1 running, 1 queued, 1 done, 0 failed, 0 cancelled; 5.0 MiB of 11.0 MiB copied"),
                ProgressView.render(moves));
        assertTrue(ProgressView.anyActive(moves));
        assertFalse(ProgressView.anyActive(json("[" + DONE + "]")));
    }

    @Test
    void movesTable() throws Exception {
        assertEquals(List.of(
                "ID  STATE    FILE            FROM     TO      DONE      SIZE",
                "m1  copying  demo/logs/a.gz  local-1  cold-1   50%  10.0 MiB",
                "m0  done     demo/old.gz     local-1  cold-1  100%   2.0 KiB"),
                MoveCommands.table(json("[" + COPYING + "," + DONE + "]")).lines());
    }

    @Test
    void aPlanShowsTotalsPerTargetAndTheFirstMoves() throws Exception {
        JsonNode plan = json("{\"policyVersion\":3,\"filesScanned\":120,\"files\":3,\"bytes\":3145728,"
                + "\"bytesByTarget\":{\"cold-1\":2097152,\"nas-1\":1048576},\"evaluationMillis\":7,\"moves\":["
                + "{\"bucket\":\"demo\",\"path\":\"a\",\"bytes\":1048576,\"fromVolume\":\"local-1\","
                + "\"toVolume\":\"cold-1\",\"rule\":\"r1\"},"
                + "{\"bucket\":\"demo\",\"path\":\"b\",\"bytes\":1048576,\"fromVolume\":\"local-1\","
                + "\"toVolume\":\"cold-1\",\"rule\":\"r1\"}]}");
        List<String> lines = PolicyCommands.renderPlan(plan, "would move");
        assertEquals("Policy version 3: 120 files scanned in 7 ms; would move 3 files, 3.0 MiB", lines.get(0));
        assertTrue(lines.contains("  TARGET  FILES (LISTED)    BYTES"), lines.toString());
        assertTrue(lines.contains("  cold-1               2  2.0 MiB"), lines.toString());
        assertTrue(lines.contains("  nas-1                0  1.0 MiB"), lines.toString());
        assertTrue(lines.contains("  demo/a  local-1  cold-1  1.0 MiB  r1"), lines.toString());
        assertEquals("  ... and 1 more", lines.get(lines.size() - 1));
    }

    @Test
    void aPolicyReadsAsRules() throws Exception {
        JsonNode v = json("{\"version\":2,\"createdAt\":\"2025-01-01T00:00:00Z\",\"comment\":\"c\",\"rules\":["
                + "{\"name\":\"old\",\"match\":{\"bucket\":\"logs\",\"modifiedOlderThan\":\"30d\"},"
                + "\"target\":{\"tier\":\"cloud\",\"recallOnAccess\":true}},"
                + "{\"name\":\"keep\",\"match\":{},\"target\":{\"pin\":true}}]}");
        assertEquals(List.of("Policy version 2 of 2025-01-01T00:00:00Z \"c\"",
                "  1. old: bucket=logs modifiedOlderThan=30d -> tier cloud, recalled on access",
                "  2. keep: every file -> stay (pinned)"), PolicyCommands.renderVersion(v));
    }

    @Test
    void placementReadsAsAStory() throws Exception {
        JsonNode p = json("{\"bucket\":\"demo\",\"path\":\"logs/a\",\"inodeId\":42,\"size\":3145728,\"etag\":\"e\","
                + "\"storageClass\":\"STANDARD\",\"policyVersion\":1,\"rule\":\"r\",\"reason\":\"old\","
                + "\"wantedVolume\":\"cold-1\",\"ranges\":[{\"offset\":0,\"length\":1048576,\"volume\":\"local-1\","
                + "\"tier\":\"nvme\",\"blob\":\"b1\"}]}");
        List<String> lines = PlacementCommand.render(p);
        assertEquals("demo/logs/a  (3.0 MiB, inode 42, etag e)", lines.get(0));
        assertTrue(lines.contains("  policy         version 1, rule r (old)"), lines.toString());
        assertTrue(lines.contains("  wanted on      cold-1 (the next evaluation moves it)"), lines.toString());
        assertTrue(lines.contains("       0  1.0 MiB  local-1  nvme  b1"), lines.toString());
    }
}
