package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's s3cmd and rclone against a running server, as users drive them: uploads (multipart included), what
 * {@code s3cmd info} reads about a bucket and an object (location, payer, lifecycle, policy, CORS, ACL), and rclone
 * sync, check and its versioning probe.
 */
class S3cmdRcloneIT {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @RegisterExtension
    static final InJvmServer strata = new InJvmServer();

    @TempDir
    static Path tmp;
    static Path s3cfg;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        Tools.requireS3cmdAndRclone();
        String hostPort = "127.0.0.1:" + strata.s3Port();
        s3cfg = Files.writeString(tmp.resolve("s3cfg"), String.join("\n", "[default]",
                "access_key = " + TestServers.USER, "secret_key = " + TestServers.SECRET,
                "host_base = " + hostPort, "host_bucket = " + hostPort, "use_https = False",
                "signature_v2 = False", "bucket_location = us-east-1", ""));
        env = Map.of("PATH", "/usr/bin:/bin", "HOME", Files.createDirectories(tmp.resolve("home")).toString(),
                "LANG", "C.UTF-8",
                "RCLONE_CONFIG_S_TYPE", "s3", "RCLONE_CONFIG_S_PROVIDER", "Other",
                "RCLONE_CONFIG_S_ACCESS_KEY_ID", TestServers.USER,
                "RCLONE_CONFIG_S_SECRET_ACCESS_KEY", TestServers.SECRET,
                "RCLONE_CONFIG_S_ENDPOINT", "http://" + hostPort, "RCLONE_CONFIG_S_REGION", "us-east-1");
    }

    @Test
    void s3cmdUploadsGetsBackAndReadsEverythingItsInfoShows() throws Exception {
        byte[] big = TestData.random(20 << 20, 1); // over s3cmd's 15 MiB chunk: a multipart upload
        Path file = Files.write(tmp.resolve("big.bin"), big);
        s3cmd("mb", "s3://s3cmd-it").ok();
        s3cmd("put", file.toString(), "s3://s3cmd-it/dir/big.bin").ok();
        Path back = tmp.resolve("back.bin");
        s3cmd("get", "s3://s3cmd-it/dir/big.bin", back.toString()).ok();
        assertArrayEquals(big, Files.readAllBytes(back));
        List<String> listed = s3cmd("ls", "-r", "s3://s3cmd-it").ok().lines();
        assertEquals(1, listed.size(), listed.toString());
        assertTrue(listed.get(0).matches(".* 20971520 +s3://s3cmd-it/dir/big\\.bin"), listed.get(0));

        String bucket = s3cmd("info", "s3://s3cmd-it").ok().out();
        for (String line : List.of("Location:  us-east-1", "Payer:     BucketOwner", "Expiration Rule: none",
                "Policy:    none", "CORS:      none", "FULL_CONTROL")) {
            assertTrue(bucket.contains(line), line + " in:\n" + bucket);
        }
        Files.write(tmp.resolve("small.txt"), "hello".getBytes());
        s3cmd("put", tmp.resolve("small.txt").toString(), "s3://s3cmd-it/small.txt").ok();
        String object = s3cmd("info", "s3://s3cmd-it/small.txt").ok().out();
        assertTrue(object.contains("MD5 sum:   " + TestData.md5("hello".getBytes())), object);
        assertTrue(object.contains("File size: 5"), object);

        s3cmd("del", "--recursive", "--force", "s3://s3cmd-it").ok();
        s3cmd("rb", "s3://s3cmd-it").ok();
    }

    @Test
    void rcloneSyncsChecksAndSeesAnUnversionedBucket() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree/sub/deeper"));
        Files.write(tmp.resolve("tree/a.txt"), "one".getBytes());
        Files.write(tmp.resolve("tree/sub/b.txt"), "two".getBytes());
        Files.write(tree.resolve("big.bin"), TestData.random(12 << 20, 2));
        rclone("mkdir", "s:rclone-it").ok();
        rclone("sync", tmp.resolve("tree").toString(), "s:rclone-it/tree").ok();
        rclone("check", tmp.resolve("tree").toString(), "s:rclone-it/tree").ok();
        assertEquals(List.of("a.txt", "sub/b.txt", "sub/deeper/big.bin"),
                rclone("lsf", "-R", "--files-only", "s:rclone-it/tree").ok().lines());

        Files.delete(tmp.resolve("tree/sub/b.txt"));
        Files.write(tmp.resolve("tree/a.txt"), "changed".getBytes());
        rclone("sync", tmp.resolve("tree").toString(), "s:rclone-it/tree").ok();
        rclone("check", tmp.resolve("tree").toString(), "s:rclone-it/tree").ok();
        assertFalse(rclone("lsf", "-R", "s:rclone-it/tree").ok().out().contains("b.txt"));
        assertEquals("changed", rclone("cat", "s:rclone-it/tree/a.txt").ok().out());
        assertTrue(rclone("backend", "versioning", "s:rclone-it").ok().out().contains("Unversioned"));
    }

    private static Proc.Result s3cmd(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/s3cmd", "-c", s3cfg.toString()));
        cmd.addAll(List.of(args));
        return Proc.run(cmd, env, tmp, LIMIT);
    }

    private static Proc.Result rclone(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/rclone", "--config", "/dev/null"));
        cmd.addAll(List.of(args));
        return Proc.run(cmd, env, tmp, LIMIT);
    }
}
