package io.strata.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.server.admin.AdminServer;
import io.strata.server.admin.FakeTiering;
import io.strata.server.admin.ServerInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata admin ...} against a real admin server (with in-memory tiering), reading what it prints. */
class AdminCliIT {
    private static final String POLICY = "{\"comment\":\"logs out\",\"rules\":[{\"name\":\"old-to-cloud\","
            + "\"match\":{\"bucket\":\"demo\",\"path\":\"logs/**\",\"modifiedOlderThan\":\"30d\"},"
            + "\"target\":{\"tier\":\"cloud\"}}]}";

    private final FakeTiering fake = new FakeTiering();
    private AdminServer server;
    private Map<String, String> env;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        server = new AdminServer("127.0.0.1", 0, "admin", "s3cret", fake.control(), () -> "up 1\n",
                () -> new ServerInfo("9.9.9", "node-1", "/srv/strata", 9000, 2049, server.port(), FakeTiering.T0));
        server.start();
        env = Map.of("STRATA_ADMIN_URL", "http://127.0.0.1:" + server.port(), "STRATA_ROOT_USER", "admin",
                "STRATA_ROOT_PASSWORD", "s3cret");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** What one run printed, and its exit status. */
    record Run(int status, String out, String err) {
    }

    /** Through the public entry point the launcher calls ({@code strata admin ...}). */
    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AdminCli.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** With a chosen terminal flag and standard input, and watches that do not wait. */
    private Run cliWith(boolean terminal, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new AdminCli(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal, millis -> { },
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), tmp).run(List.of(args));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOk(Run r) {
        assertEquals(0, r.status(), "stdout:\n" + r.out() + "\nstderr:\n" + r.err());
        assertEquals("", r.err());
    }

    @Test
    void info() {
        Run r = cli("info");
        assertOk(r);
        assertTrue(r.out().startsWith("Strata 9.9.9 on node node-1, up "), r.out());
        assertTrue(r.out().contains("Admin port  " + server.port()), r.out());
        assertTrue(r.out().contains("Data        /srv/strata"), r.out());
    }

    @Test
    void wrongCredentialsExit1WithTheServersMessage() {
        env = Map.of("STRATA_ADMIN_URL", "http://127.0.0.1:" + server.port(), "STRATA_ROOT_PASSWORD", "nope");
        Run r = cli("volumes");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("strata admin: the admin API needs HTTP Basic credentials"), r.err());
        assertTrue(r.err().contains("401 Unauthorized"), r.err());
    }

    @Test
    void urlFlagWinsOverTheEnvironment() {
        env = Map.of("STRATA_ADMIN_URL", "http://127.0.0.1:9", "STRATA_ROOT_USER", "admin",
                "STRATA_ROOT_PASSWORD", "s3cret");
        assertOk(cli("--url", "http://127.0.0.1:" + server.port() + "/", "info"));
    }

    @Test
    void volumesAddDrainRemove() throws Exception {
        assertOk(cli("volume", "add", "nas-1", "--tier", "nas", "--path", "/mnt/nas"));
        Run cloud = cli("volume", "add", "cold-1", "--tier", "cloud", "--endpoint", "http://minio:9000", "--bucket",
                "archive", "--prefix", "strata", "--access-key", "AK", "--secret-key", "SK");
        assertOk(cloud);
        assertEquals("Added volume cold-1 (cloud, http://minio:9000/archive/strata): active\n", cloud.out());

        Run list = cli("volumes");
        assertOk(list);
        String[] lines = list.out().split("\n");
        assertEquals(4, lines.length, list.out());
        assertTrue(lines[0].matches("ID\\s+TIER\\s+STATE\\s+USED\\s+CAPACITY\\s+LOCATION"), lines[0]);
        assertTrue(lines[1].matches("local-1\\s+nvme\\s+active\\s+3.0 MiB\\s+100.0 GiB\\s+/data/local-1"), lines[1]);
        assertTrue(lines[2].matches("nas-1\\s+nas\\s+active\\s+0 B\\s+10.0 GiB\\s+/mnt/nas"), lines[2]);
        assertTrue(lines[3].matches("cold-1\\s+cloud\\s+active\\s+0 B\\s+-\\s+http://minio:9000/archive/strata"),
                lines[3]);

        Run json = cli("volumes", "--json");
        assertOk(json);
        JsonNode v = AdminClient.MAPPER.readTree(json.out());
        assertEquals(3, v.path("volumes").size());
        assertFalse(json.out().contains("\"SK\""), "secret never printed");

        Run drain = cli("volume", "drain", "nas-1");
        assertOk(drain);
        assertTrue(drain.out().startsWith("Volume nas-1 is draining"), drain.out());
        assertOk(cli("volume", "remove", "nas-1"));
        assertFalse(fake.volumes.has("nas-1"));

        Run conflict = cli("volume", "remove", "local-1");
        assertEquals(1, conflict.status());
        assertTrue(conflict.err().contains("still holds"), conflict.err());
        assertTrue(conflict.err().contains("409 Conflict"), conflict.err());
    }

    @Test
    void volumeAddReportsTheServersComplaintInFlagTerms() {
        Run r = cli("volume", "add", "x", "--tier", "cloud", "--endpoint", "ftp://e", "--bucket", "b",
                "--access-key", "a", "--secret-key", "s");
        assertEquals(1, r.status());
        assertEquals("strata admin: --endpoint: must be an http:// or https:// URL\n", r.err());
        Run taken = cli("volume", "add", "local-1", "--tier", "nas", "--path", "/x");
        assertEquals(1, taken.status());
        assertTrue(taken.err().contains("exists"), taken.err());
    }

    @Test
    void policySetShowVersions() throws Exception {
        Path file = tmp.resolve("policy.json");
        Files.writeString(file, POLICY);
        Run set = cli("policy", "set", file.toString());
        assertOk(set);
        assertEquals("Published policy version 1 (1 rule)\n", set.out());

        Run show = cli("policy", "show");
        assertOk(show);
        assertTrue(show.out().startsWith("Policy version 1 of "), show.out());
        assertTrue(show.out().contains("1. old-to-cloud: bucket=demo path=logs/** modifiedOlderThan=30d -> tier "
                + "cloud"), show.out());

        // what show --json prints can be edited and set again
        Run json = cli("policy", "show", "--json");
        assertOk(json);
        Run again = cliWith(false, json.out(), "policy", "set", "-");
        assertOk(again);
        assertEquals("Published policy version 2 (1 rule)\n", again.out());

        Run versions = cli("policy", "versions");
        assertOk(versions);
        String[] lines = versions.out().split("\n");
        assertEquals(4, lines.length, versions.out());
        assertTrue(lines[2].matches("\\s*1\\s+\\S+\\s+1\\s+logs out"), lines[2]);
    }

    @Test
    void anInvalidPolicyExits1NamingTheField() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "{\"rules\":[{\"target\":{\"tier\":\"tape\"}}]}");
        Run r = cli("policy", "set", file.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("strata admin: rules[0].target.tier: must be one of nvme, nas, cloud"),
                r.err());
        assertEquals(0, fake.policies.current().version());

        Files.writeString(file, "{\"rules\": [");
        Run broken = cli("policy", "set", file.toString());
        assertEquals(1, broken.status());
        assertTrue(broken.err().contains("is not valid JSON"), broken.err());
        assertEquals(1, cli("policy", "set", tmp.resolve("missing.json").toString()).status());
    }

    @Test
    void dryRunPrintsTargetsAndFirstMovesAndMovesNothing() throws Exception {
        Run current = cli("policy", "dry-run");
        assertOk(current);
        assertTrue(current.out().startsWith("Policy version 0: 120 files scanned in 7 ms; would move 2 files, "
                + "16.0 MiB"), current.out());
        assertTrue(current.out().matches("(?s).*cold-1\\s+2\\s+16.0 MiB.*"), current.out());
        assertTrue(current.out().matches("(?s).*demo/logs/a.gz\\s+local-1\\s+cold-1\\s+10.0 MiB\\s+old-to-cloud.*"),
                current.out());

        Path file = tmp.resolve("p.json");
        Files.writeString(file, POLICY);
        Run given = cli("policy", "dry-run", file.toString());
        assertOk(given);
        assertTrue(given.out().startsWith("Rules given: "), given.out());
        assertEquals(0, fake.policies.current().version(), "nothing published");
        assertEquals(0, cli("moves", "--json").status());
        assertTrue(fake.moves.moves().isEmpty(), "nothing queued");
    }

    @Test
    void applyWatchFollowsTheMovesToTheEndInPlainLines() {
        Run r = cliWith(false, "", "policy", "apply", "--watch");
        assertOk(r);
        assertTrue(r.out().startsWith("Policy version 0: 120 files scanned in 7 ms; queued 2 files"), r.out());
        assertTrue(r.out().contains("demo/logs/a.gz  local-1 -> cold-1  ["), r.out());
        assertTrue(r.out().contains("4.0 MiB / 10.0 MiB  copying"), r.out());
        assertFalse(r.out().contains("\u001b["), "no terminal escapes when not a terminal");
        String[] lines = r.out().split("\n");
        assertEquals("0 running, 0 queued, 2 done, 0 failed, 0 cancelled; 16.0 MiB of 16.0 MiB copied",
                lines[lines.length - 1]);
    }

    @Test
    void movesWatchRedrawsInPlaceOnATerminal() {
        fake.moves.applyNow();
        Run r = cliWith(true, "", "moves", "--watch");
        assertOk(r);
        assertTrue(r.out().contains("\u001b[3A\u001b[J"), "moves the cursor up over the last drawing");
        assertTrue(r.out().endsWith("0 running, 0 queued, 2 done, 0 failed, 0 cancelled; 16.0 MiB of 16.0 MiB "
                + "copied\n"), r.out());
    }

    @Test
    void movesTableAndCancel() {
        fake.moves.applyNow();
        fake.moves.stepBytes = 0;
        Run list = cli("moves");
        assertOk(list);
        assertTrue(list.out().matches("(?s)ID\\s+STATE\\s+FILE.*m2\\s+queued\\s+demo/logs/b.gz.*"), list.out());
        Run cancel = cli("move", "cancel", "m2");
        assertOk(cancel);
        assertEquals("Move m2 is cancelled\n", cancel.out());
        Run missing = cli("move", "cancel", "m404");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no move 'm404'"), missing.err());
    }

    @Test
    void placementOfAFileWithSpacesAndSlashes() {
        Run r = cli("placement", "demo/logs/2024/a b.gz");
        assertOk(r);
        assertTrue(r.out().startsWith("demo/logs/2024/a b.gz  (3.0 MiB, inode 42"), r.out());
        assertTrue(r.out().contains("storage class  STANDARD"), r.out());
        assertTrue(r.out().matches("(?s).*1048576\\s+2.0 MiB\\s+cold-1\\s+cloud\\s+b-2.*"), r.out());
        Run missing = cli("placement", "demo/nothing/here");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("404 NotFound"), missing.err());
    }
}
