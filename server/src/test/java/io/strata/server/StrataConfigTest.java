package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrataConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        StrataConfig c = StrataConfig.defaults();
        assertEquals(Path.of("./strata-data"), c.dataDir());
        assertEquals("0.0.0.0", c.bindAddress());
        assertEquals(9000, c.s3Port());
        assertEquals(2049, c.nfsPort());
        assertEquals(9001, c.adminPort());
        assertEquals(List.of("localhost"), c.virtualHostDomains());
        assertEquals("strata", c.rootUser());
        assertEquals("strata-secret-key", c.rootPassword());
        assertFalse(c.walFsync());
        assertEquals(47500, c.igniteDiscoveryPort());
        assertEquals(47100, c.igniteCommunicationPort());
        assertEquals(64L << 20, c.walSegmentBytes());
        assertEquals(4, c.walSegments());
        assertEquals(512L << 20, c.metaMemoryBytes());
        assertEquals(64, c.workerThreads());
        assertEquals(Duration.ofSeconds(10), c.reclaimGrace());
        assertEquals(StrataConfig.Origin.DEFAULT, c.origin(ConfigKeys.ROOT_PASSWORD));
    }

    @Test
    void everyKeyHasAFlagAndTheFlagsAndEnvVarsAreDistinct() {
        Set<String> flags = new HashSet<>();
        Set<String> envs = new HashSet<>();
        for (ConfigKey k : ConfigKeys.ALL) {
            assertTrue(k.flag().startsWith("--"), k.flag());
            assertTrue(flags.add(k.flag()), "duplicate flag " + k.flag());
            if (k.env() != null) {
                assertTrue(k.env().startsWith("STRATA_"), k.env());
                assertTrue(envs.add(k.env()), "duplicate env " + k.env());
            }
        }
    }

    @Test
    void envVarsApplyAndFlagsWinOverThem() throws Exception {
        Map<String, String> env = Map.of("STRATA_S3_PORT", "9100", "STRATA_DATA_DIR", "/tmp/from-env",
                "STRATA_ROOT_USER", "alice", "STRATA_ROOT_PASSWORD", "alice-secret", "STRATA_WAL_FSYNC", "true");
        StrataConfig c = StrataConfig.parse(List.of("--s3-port", "9200", "--data-dir=/tmp/from-flag"), env);
        assertEquals(9200, c.s3Port());
        assertEquals(Path.of("/tmp/from-flag"), c.dataDir());
        assertEquals("alice", c.rootUser());
        assertEquals("alice-secret", c.rootPassword());
        assertTrue(c.walFsync());
        assertEquals(StrataConfig.Origin.FLAG, c.origin(ConfigKeys.S3_PORT));
        assertEquals(StrataConfig.Origin.ENV, c.origin(ConfigKeys.ROOT_PASSWORD));
        assertEquals(StrataConfig.Origin.DEFAULT, c.origin(ConfigKeys.NFS_PORT));
    }

    @Test
    void switchesValuesSizesAndDurations() throws Exception {
        StrataConfig c = StrataConfig.parse(List.of("--wal-fsync", "--wal-segment-size", "16m", "--meta-memory=1GiB",
                "--reclaim-grace", "500ms", "--domains", "s3.example.com, *.Local.Test,", "--worker-threads", "8"),
                Map.of("STRATA_WAL_FSYNC", "false"));
        assertTrue(c.walFsync());
        assertEquals(16L << 20, c.walSegmentBytes());
        assertEquals(1L << 30, c.metaMemoryBytes());
        assertEquals(Duration.ofMillis(500), c.reclaimGrace());
        assertEquals(List.of("s3.example.com", "local.test"), c.virtualHostDomains());
        assertEquals(8, c.workerThreads());
        assertFalse(StrataConfig.parse(List.of("--wal-fsync=false"), Map.of()).walFsync());
        assertEquals(List.of(), StrataConfig.parse(List.of("--domains="), Map.of()).virtualHostDomains());
        assertEquals(Duration.ofMinutes(2), StrataConfig.parseDuration("2m").orElseThrow());
        assertEquals(Duration.ofSeconds(3), StrataConfig.parseDuration("3").orElseThrow());
        assertEquals(4096L, StrataConfig.parseSize("4096").orElseThrow());
        assertEquals(3L << 10, StrataConfig.parseSize("3KiB").orElseThrow());
    }

    @Test
    void badInputSaysWhichFlagOrEnvVarAndWhy() {
        assertMessage(List.of("--s3-port", "abc"), Map.of(), "bad value 'abc' for --s3-port: it is not a port number");
        assertMessage(List.of("--s3-port", "70000"), Map.of(), "for --s3-port: a port is 0-65535");
        assertMessage(List.of(), Map.of("STRATA_S3_PORT", "x"), "for STRATA_S3_PORT (env)");
        assertMessage(List.of("--bogus"), Map.of(), "unknown flag --bogus");
        assertMessage(List.of("--bogus=1"), Map.of(), "unknown flag --bogus");
        assertMessage(List.of("--s3-port"), Map.of(), "flag --s3-port needs a value");
        assertMessage(List.of("serve"), Map.of(), "unexpected argument 'serve'");
        assertMessage(List.of("--wal-segment-size", "lots"), Map.of(), "write a size like 64MiB");
        assertMessage(List.of("--wal-segment-size", "1k"), Map.of(), "between 512 KiB and 1 GiB");
        assertMessage(List.of("--reclaim-grace", "soon"), Map.of(), "write a duration like 10s");
        assertMessage(List.of("--wal-fsync=maybe"), Map.of(), "use true or false");
        assertMessage(List.of("--root-user", "a/b"), Map.of(), "an access key is printable ASCII");
        assertMessage(List.of("--ignite-discovery-port", "0"), Map.of(), "a port is 1-65535");
        assertMessage(List.of("--domains", "bad_domain!"), Map.of(), "is not a domain name");
    }

    @Test
    void theSecretNeverShowsInMessagesOrToString() throws Exception {
        StrataConfig c = StrataConfig.parse(List.of(), Map.of("STRATA_ROOT_PASSWORD", "hush-hush"));
        assertFalse(c.toString().contains("hush-hush"), c.toString());
        ConfigException e = assertThrows(ConfigException.class,
                () -> StrataConfig.parse(List.of("--root-password", " "), Map.of()));
        assertFalse(e.getMessage().contains("' '"), e.getMessage());
    }

    private static void assertMessage(List<String> args, Map<String, String> env, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> StrataConfig.parse(args, env));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
