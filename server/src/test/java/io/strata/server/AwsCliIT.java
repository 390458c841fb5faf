package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives Debian's AWS CLI ({@code /usr/bin/aws}) against a server started in this JVM, the way a user would: each
 * test uses its own bucket and checks what a person would look at (bytes, names, sizes, error codes).
 */
class AwsCliIT {
    private static final Pattern OBJECT_LINE =
            Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +(\\d+) (.+)$");
    private static final Pattern PREFIX_LINE = Pattern.compile("^ +PRE (.+)$");
    private static final Pattern BUCKET_LINE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d (.+)$");
    private static final int MIB = 1 << 20;

    @RegisterExtension
    static final InJvmServer strata = new InJvmServer();

    @TempDir
    static Path tmp;

    private static String endpoint;
    private static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        Tools.requireAwsCli();
        Tools.requireCurl();
        endpoint = "http://127.0.0.1:" + strata.s3Port();
        env = cliEnv(TestServers.USER, TestServers.SECRET, "");
    }

    @Test
    void makeListAndRemoveBuckets() throws Exception {
        assertEquals("make_bucket: cli-buckets-1", aws("s3", "mb", "s3://cli-buckets-1").ok().out().trim());
        aws("s3", "mb", "s3://cli-buckets-2").ok();
        List<String> buckets = buckets();
        assertTrue(buckets.containsAll(List.of("cli-buckets-1", "cli-buckets-2")), buckets.toString());

        assertEquals("remove_bucket: cli-buckets-1", aws("s3", "rb", "s3://cli-buckets-1").ok().out().trim());
        buckets = buckets();
        assertFalse(buckets.contains("cli-buckets-1"), buckets.toString());
        assertTrue(buckets.contains("cli-buckets-2"), buckets.toString());
        aws("s3", "rb", "s3://cli-buckets-2").ok();
    }

    @Test
    void copySmallAndMultipartFilesListThemAndCopyThemBack() throws Exception {
        aws("s3", "mb", "s3://cli-cp").ok();
        Path dir = Files.createDirectories(tmp.resolve("cp"));
        Path small = Files.writeString(dir.resolve("small.txt"), "hello strata\n");
        Path big = write(dir.resolve("big.bin"), TestData.random(20 * MIB, 1));

        aws("s3", "cp", "--no-progress", small.toString(), "s3://cli-cp/small.txt").ok();
        // 20 MiB is above the CLI's 8 MiB multipart threshold: three parts of 8, 8 and 4 MiB.
        aws("s3", "cp", "--no-progress", big.toString(), "s3://cli-cp/dir/big.bin").ok();

        Listing top = ls("s3://cli-cp/");
        assertEquals(List.of("dir/"), top.prefixes());
        assertEquals(Map.of("small.txt", 13L), top.objects());
        Listing all = ls("--recursive", "s3://cli-cp/");
        assertEquals(orderedMap("dir/big.bin", 20L * MIB, "small.txt", 13L), all.objects());
        assertEquals(List.of("dir/big.bin", "small.txt"), List.copyOf(all.objects().keySet()), "listed in key order");

        String etag = aws("s3api", "head-object", "--bucket", "cli-cp", "--key", "dir/big.bin",
                "--query", "ETag", "--output", "text").ok().out().trim();
        assertTrue(etag.matches("\"[0-9a-f]{32}-3\""), "a 3-part upload's ETag: " + etag);

        Path back = Files.createDirectories(tmp.resolve("cp-back"));
        aws("s3", "cp", "--no-progress", "s3://cli-cp/small.txt", back.resolve("small.txt").toString()).ok();
        aws("s3", "cp", "--no-progress", "s3://cli-cp/dir/big.bin", back.resolve("big.bin").toString()).ok();
        assertArrayEquals(Files.readAllBytes(small), Files.readAllBytes(back.resolve("small.txt")));
        assertArrayEquals(Files.readAllBytes(big), Files.readAllBytes(back.resolve("big.bin")), "20 MiB round trip");

        aws("s3", "rm", "--recursive", "s3://cli-cp/").ok();
        removeBucket("cli-cp");
    }

    @Test
    void syncATreeUpAndBackDown() throws Exception {
        aws("s3", "mb", "s3://cli-sync").ok();
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Map<String, byte[]> files = new TreeMap<>();
        files.put("a.txt", "alpha\n".getBytes(StandardCharsets.UTF_8));
        files.put("with space.txt", "spaces in the key\n".getBytes(StandardCharsets.UTF_8));
        files.put("empty.txt", new byte[0]);
        files.put("sub/b.txt", "beta\n".getBytes(StandardCharsets.UTF_8));
        files.put("sub/deeper/c.bin", TestData.random(100_000, 2));
        files.put("sub/deeper/naïve-ü.txt", "non-ASCII key\n".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = write(tree.resolve(f.getKey()), f.getValue());
            // Older than the upload by more than LastModified's one-second precision: a second sync sees no change.
            Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(120)));
        }

        aws("s3", "sync", "--no-progress", tree.toString(), "s3://cli-sync/tree/").ok();
        Map<String, Long> expected = new TreeMap<>();
        files.forEach((k, v) -> expected.put("tree/" + k, (long) v.length));
        assertEquals(expected, new TreeMap<>(ls("--recursive", "s3://cli-sync/").objects()));

        Proc.Result again = aws("s3", "sync", "--no-progress", tree.toString(), "s3://cli-sync/tree/").ok();
        assertEquals("", again.out().trim(), "a second sync of an unchanged tree uploads nothing");

        Path back = tmp.resolve("tree-back");
        aws("s3", "sync", "--no-progress", "s3://cli-sync/tree/", back.toString()).ok();
        assertEquals(files.keySet(), readTree(back).keySet());
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            assertArrayEquals(f.getValue(), Files.readAllBytes(back.resolve(f.getKey())), f.getKey());
        }

        Files.delete(tree.resolve("sub/b.txt"));
        Proc.Result delete = aws("s3", "sync", "--no-progress", "--delete", tree.toString(), "s3://cli-sync/tree/").ok();
        assertEquals("delete: s3://cli-sync/tree/sub/b.txt", delete.out().trim());
        assertFalse(ls("--recursive", "s3://cli-sync/").objects().containsKey("tree/sub/b.txt"));

        aws("s3", "rm", "--recursive", "s3://cli-sync/").ok();
        removeBucket("cli-sync");
    }

    @Test
    void putObjectWithMetadataAndContentTypeThenHeadIt() throws Exception {
        aws("s3", "mb", "s3://cli-meta").ok();
        Path body = Files.writeString(tmp.resolve("meta-body.txt"), "with metadata");
        aws("s3api", "put-object", "--bucket", "cli-meta", "--key", "doc.txt", "--body", body.toString(),
                "--metadata", "color=blue,shape=round", "--content-type", "text/x-strata").ok();

        String[] head = aws("s3api", "head-object", "--bucket", "cli-meta", "--key", "doc.txt", "--output", "text",
                "--query", "[ContentType, ContentLength, Metadata.color, Metadata.shape]").ok().out().trim()
                .split("\t");
        assertArrayEquals(new String[] {"text/x-strata", "13", "blue", "round"}, head);

        aws("s3", "rm", "s3://cli-meta/doc.txt").ok();
        aws("s3", "rb", "s3://cli-meta").ok();
    }

    @Test
    void getObjectWithARange() throws Exception {
        aws("s3", "mb", "s3://cli-range").ok();
        Path body = Files.writeString(tmp.resolve("range-body.txt"), "0123456789abcdefghij");
        aws("s3api", "put-object", "--bucket", "cli-range", "--key", "r.txt", "--body", body.toString()).ok();

        Path out = tmp.resolve("range-out.txt");
        String[] got = aws("s3api", "get-object", "--bucket", "cli-range", "--key", "r.txt", "--range", "bytes=5-9",
                "--query", "[ContentRange, ContentLength]", "--output", "text", out.toString()).ok().out().trim()
                .split("\t");
        assertEquals("56789", Files.readString(out));
        assertArrayEquals(new String[] {"bytes 5-9/20", "5"}, got);

        aws("s3", "rm", "--recursive", "s3://cli-range/").ok();
        aws("s3", "rb", "s3://cli-range").ok();
    }

    @Test
    void presignedUrlsWorkWithCurlAndATamperedOneIsRefused() throws Exception {
        aws("s3", "mb", "s3://cli-presign").ok();
        byte[] bytes = TestData.random(300_000, 3);
        Path file = write(tmp.resolve("presign.bin"), bytes);
        aws("s3", "cp", "--no-progress", file.toString(), "s3://cli-presign/p/file.bin").ok();

        String url = aws("s3", "presign", "s3://cli-presign/p/file.bin", "--expires-in", "300").ok().out().trim();
        assertTrue(url.startsWith(endpoint + "/cli-presign/p/file.bin?"), url);
        Path fetched = tmp.resolve("presign-fetched.bin");
        curl("-sf", "-o", fetched.toString(), url).ok();
        assertArrayEquals(bytes, Files.readAllBytes(fetched));

        Matcher sig = Pattern.compile("X-Amz-Signature=([0-9a-f]{64})").matcher(url);
        assertTrue(sig.find(), url);
        String flipped = sig.group(1).charAt(0) == '0' ? "1" + sig.group(1).substring(1) : "0" + sig.group(1).substring(1);
        String tampered = url.replace(sig.group(1), flipped);
        Path errorBody = tmp.resolve("presign-error.xml");
        String status = curl("-s", "-o", errorBody.toString(), "-w", "%{http_code}", tampered).ok().out().trim();
        assertEquals("403", status);
        assertTrue(Files.readString(errorBody).contains("<Code>SignatureDoesNotMatch</Code>"),
                Files.readString(errorBody));

        aws("s3", "rm", "--recursive", "s3://cli-presign/").ok();
        aws("s3", "rb", "s3://cli-presign").ok();
    }

    @Test
    void virtualHostStylePresignedUrlUnderLocalhost() throws Exception {
        aws("s3", "mb", "s3://cli-vhost").ok();
        Path file = Files.writeString(tmp.resolve("vhost.txt"), "addressed by host name");
        aws("s3", "cp", "--no-progress", file.toString(), "s3://cli-vhost/v.txt").ok();

        // The default virtual-host domain is localhost: <bucket>.localhost, which curl resolves to loopback itself.
        Map<String, String> vhostEnv = cliEnv(TestServers.USER, TestServers.SECRET,
                "[default]\ns3 =\n    addressing_style = virtual\n");
        String localhost = "http://localhost:" + strata.s3Port();
        String url = run(vhostEnv, List.of(Tools.AWS, "--endpoint-url", localhost, "s3", "presign",
                "s3://cli-vhost/v.txt")).ok().out().trim();
        assertTrue(url.startsWith("http://cli-vhost.localhost:" + strata.s3Port() + "/v.txt?"), url);
        assertEquals("addressed by host name", curl("-sf", url).ok().out());

        aws("s3", "rm", "s3://cli-vhost/v.txt").ok();
        aws("s3", "rb", "s3://cli-vhost").ok();
    }

    @Test
    void removeRecursivelyThenRemoveTheBucket() throws Exception {
        aws("s3", "mb", "s3://cli-rm").ok();
        // Enough keys in shared directories that the CLI's parallel deletes empty the same directories at once.
        Path tree = Files.createDirectories(tmp.resolve("rm-tree"));
        List<String> keys = new ArrayList<>(List.of("a", "f g"));
        for (int i = 1; i <= 12; i++) {
            keys.add("d1/f" + i);
            keys.add("d1/d2/g" + i);
        }
        for (String key : keys) {
            write(tree.resolve(key), key.getBytes(StandardCharsets.UTF_8));
        }
        aws("s3", "sync", "--no-progress", tree.toString(), "s3://cli-rm/").ok();
        assertEquals(keys.size(), ls("--recursive", "s3://cli-rm/").objects().size());
        Proc.Result notEmpty = aws("s3", "rb", "s3://cli-rm").failed();
        assertTrue(notEmpty.err().contains("BucketNotEmpty"), notEmpty.describe());

        Proc.Result rm = aws("s3", "rm", "--recursive", "s3://cli-rm/").ok();
        assertEquals(keys.size(), rm.lines().stream().filter(l -> l.startsWith("delete: s3://cli-rm/")).count(),
                rm.describe());
        assertEquals(new Listing(List.of(), Map.of()), ls("s3://cli-rm/"),
                "after rm --recursive nothing lists, not even an empty prefix");
        removeBucket("cli-rm");
        assertFalse(buckets().contains("cli-rm"));
        Proc.Result head = aws("s3api", "head-bucket", "--bucket", "cli-rm").failed();
        assertTrue(head.err().contains("(404)"), head.describe());
    }

    @Test
    void errorsComeBackWithTheirS3Codes() throws Exception {
        aws("s3", "mb", "s3://cli-errors").ok();
        Proc.Result missing = aws("s3api", "get-object", "--bucket", "cli-errors", "--key", "nope",
                tmp.resolve("nope").toString()).failed();
        assertTrue(missing.err().contains("(NoSuchKey)"), missing.describe());
        Proc.Result noBucket = aws("s3", "ls", "s3://cli-no-such-bucket/").failed();
        assertTrue(noBucket.err().contains("(NoSuchBucket)"), noBucket.describe());

        Proc.Result badSecret = run(cliEnv(TestServers.USER, "not-the-secret", ""),
                List.of(Tools.AWS, "--endpoint-url", endpoint, "s3", "ls")).failed();
        assertTrue(badSecret.err().contains("(SignatureDoesNotMatch)"), badSecret.describe());
        Proc.Result badUser = run(cliEnv("nobody", TestServers.SECRET, ""),
                List.of(Tools.AWS, "--endpoint-url", endpoint, "s3", "ls")).failed();
        assertTrue(badUser.err().contains("(InvalidAccessKeyId)"), badUser.describe());
        aws("s3", "rb", "s3://cli-errors").ok();
    }

    // ---- helpers ----

    private record Listing(List<String> prefixes, Map<String, Long> objects) {
    }

    private static Proc.Result aws(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Tools.AWS, "--endpoint-url", endpoint));
        cmd.addAll(List.of(args));
        return run(env, cmd);
    }

    private static Proc.Result curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Tools.CURL, "--max-time", "60"));
        cmd.addAll(List.of(args));
        return run(env, cmd);
    }

    private static Proc.Result run(Map<String, String> environment, List<String> cmd) throws Exception {
        return Proc.run(cmd, environment, tmp, Duration.ofMinutes(3));
    }

    /** A clean environment: only these credentials and an empty (or the given) config; nothing from ~/.aws. */
    private static Map<String, String> cliEnv(String accessKey, String secret, String config) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home-" + Integer.toHexString(config.hashCode())));
        Path configFile = Files.writeString(home.resolve("aws-config"), config);
        Path credentials = Files.writeString(home.resolve("aws-credentials"), "");
        Map<String, String> e = new HashMap<>();
        e.put("PATH", "/usr/bin:/bin");
        e.put("HOME", home.toString());
        e.put("LANG", "C.UTF-8");
        e.put("AWS_ACCESS_KEY_ID", accessKey);
        e.put("AWS_SECRET_ACCESS_KEY", secret);
        e.put("AWS_DEFAULT_REGION", "us-east-1");
        e.put("AWS_CONFIG_FILE", configFile.toString());
        e.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        e.put("AWS_PAGER", "");
        e.put("AWS_EC2_METADATA_DISABLED", "true");
        return e;
    }

    /** s3 rb of a bucket emptied by s3 rm --recursive; on failure shows what the bucket still lists. */
    private static void removeBucket(String bucket) throws Exception {
        Proc.Result rb = aws("s3", "rb", "s3://" + bucket);
        if (rb.exit() != 0) {
            Proc.Result left = aws("s3api", "list-objects-v2", "--bucket", bucket, "--delimiter", "/");
            throw new AssertionError("s3 rb s3://" + bucket + " after s3 rm --recursive: expected the bucket removed, "
                    + "got:\n" + rb.err() + "while list-objects-v2 --delimiter / shows:\n" + left.out() + left.err());
        }
    }

    private static List<String> buckets() throws Exception {
        List<String> names = new ArrayList<>();
        for (String line : aws("s3", "ls").ok().lines()) {
            Matcher m = BUCKET_LINE.matcher(line);
            assertTrue(m.matches(), "a bucket line: " + line);
            names.add(m.group(1));
        }
        return names;
    }

    private static Listing ls(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("s3", "ls"));
        cmd.addAll(List.of(args));
        Proc.Result r = aws(cmd.toArray(String[]::new));
        List<String> prefixes = new ArrayList<>();
        Map<String, Long> objects = new LinkedHashMap<>();
        if (r.exit() == 1 && r.out().isBlank() && r.err().isBlank()) {
            return new Listing(prefixes, objects); // aws s3 ls exits 1 when nothing matched
        }
        r.ok();
        for (String line : r.lines()) {
            Matcher o = OBJECT_LINE.matcher(line);
            Matcher p = PREFIX_LINE.matcher(line);
            if (o.matches()) {
                objects.put(o.group(2), Long.parseLong(o.group(1)));
            } else if (p.matches()) {
                prefixes.add(p.group(1));
            } else {
                throw new AssertionError("unexpected line from aws s3 ls: '" + line + "'\n" + r.describe());
            }
        }
        return new Listing(prefixes, objects);
    }

    private static Map<String, Long> orderedMap(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Long) kv[i + 1]);
        }
        return m;
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static Path write(Path p, byte[] bytes) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.write(p, bytes);
    }
}
