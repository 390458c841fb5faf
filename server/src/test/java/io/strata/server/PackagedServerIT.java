package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the packaged server the way {@code ./strata serve} does ({@code java <ignite flags> -jar
 * target/strata-server.jar}): the banner, a bad flag, a port in use, SIGTERM shutdown, and data surviving a
 * restart.
 */
class PackagedServerIT {
    private static final Pattern S3_LINE = Pattern.compile("S3 API +(http://127\\.0\\.0\\.1:(\\d+)) +\\(");
    private static final String USER = "packaged-user";
    private static final String SECRET = "packaged-secret-key";

    @TempDir
    static Path tmp;

    private static Path jar;
    private static List<String> jvmFlags;

    @BeforeAll
    static void locateJar() {
        String jarProperty = System.getProperty("strata.jar");
        String flagsProperty = System.getProperty("strata.jvm.flags");
        assertTrue(jarProperty != null && flagsProperty != null,
                "run by Failsafe (mvn verify), which sets strata.jar and strata.jvm.flags");
        jar = Path.of(jarProperty);
        assertTrue(Files.isRegularFile(jar), jar + " is built at package, before integration-test");
        jvmFlags = Arrays.asList(flagsProperty.trim().split("\\s+"));
    }

    @Test
    void versionAndHelpRunFromTheJar() throws Exception {
        Proc.Result version = runJar(List.of("version"), Map.of()).ok();
        assertTrue(version.out().matches("strata \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), version.describe());
        Proc.Result help = runJar(List.of("--help"), Map.of()).ok();
        assertTrue(help.out().contains("--s3-port <port>"), help.describe());
    }

    @Test
    void aBadFlagExits2WithOneLine() throws Exception {
        Proc.Result r = runJar(List.of("serve", "--s3-port", "ninety"), Map.of());
        assertEquals(Launcher.EXIT_USAGE, r.exit(), r.describe());
        assertEquals("strata: bad value 'ninety' for --s3-port: it is not a port number (0-65535)\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aPortInUseExits1WithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Proc.Result r = runJar(serveArgs(tmp.resolve("in-use"), port), Map.of());
            assertEquals(Launcher.EXIT_START_FAILED, r.exit(), r.describe());
            assertEquals("strata: S3 port " + port + " on 127.0.0.1 is in use by another process: stop it or choose "
                    + "another port with --s3-port (or STRATA_S3_PORT)\n", r.err());
        }
    }

    @Test
    void servesStopsOnSigtermAndKeepsDataAcrossARestart() throws Exception {
        Path data = tmp.resolve("data");
        Map<String, String> env = Map.of("STRATA_ROOT_USER", USER, "STRATA_ROOT_PASSWORD", SECRET);
        byte[] body = TestData.random(1_500_000, 11);

        ServerProcess first = serve(data, env);
        String banner = first.stdout();
        assertTrue(banner.contains("(path-style and virtual-host *.localhost)"), banner);
        assertTrue(banner.contains("Data         " + data.toAbsolutePath()), banner);
        assertTrue(banner.contains("access key '" + USER + "' (from env STRATA_ROOT_USER)"), banner);
        assertTrue(banner.contains("secret key from env STRATA_ROOT_PASSWORD"), banner);
        assertFalse(banner.contains(SECRET), "the secret from the environment is never printed:\n" + banner);
        assertTrue(banner.contains("aws --endpoint-url " + first.endpoint() + " s3 ls"), banner);
        assertTrue(banner.matches("(?s).*NFS          127\\.0\\.0\\.1:\\d+ \\(NFSv3 with MOUNT, and NFSv4\\.1/4\\.2, on this port.*"), banner);
        assertFalse(banner.contains("Ignite node started"), "Ignite's console lines stay off stdout:\n" + banner);
        try (S3Client s3 = client(first.endpoint())) {
            s3.createBucket(b -> b.bucket("packaged"));
            s3.putObject(b -> b.bucket("packaged").key("kept/across/restart.bin"), RequestBody.fromBytes(body));
        }
        int status = first.stop();
        assertEquals(143, status, "SIGTERM: the JVM exits 128+15 after the shutdown hook\n" + first.describe());
        assertTrue(first.stderr().contains("strata: stopped"), first.describe());

        ServerProcess second = serve(data, env);
        try (S3Client s3 = client(second.endpoint())) {
            assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket("packaged").key("kept/across/restart.bin"))
                    .asByteArray());
        } finally {
            assertEquals(143, second.stop(), second.describe());
        }
    }

    // ---- helpers ----

    private static List<String> serveArgs(Path data, int s3Port) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve"));
        args.addAll(TestServers.flags(data, s3Port));
        return args;
    }

    private static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.add("-Xmx512m");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return cmd;
    }

    private static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.putAll(extra);
        return env;
    }

    private static Proc.Result runJar(List<String> args, Map<String, String> env) throws Exception {
        return Proc.run(command(args), environment(env), tmp, Duration.ofMinutes(2));
    }

    private static S3Client client(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(USER, SECRET)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static ServerProcess serve(Path data, Map<String, String> env) throws Exception {
        File out = File.createTempFile("serve-out", ".txt", tmp.toFile());
        File err = File.createTempFile("serve-err", ".txt", tmp.toFile());
        ProcessBuilder pb = new ProcessBuilder(command(serveArgs(data, 0)));
        pb.environment().clear();
        pb.environment().putAll(environment(env));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(out);
        pb.redirectError(err);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Proc.read(out);
            Matcher m = S3_LINE.matcher(text);
            if (m.find() && text.contains("  Stop ")) {
                return new ServerProcess(p, m.group(1), out, err);
            }
            if (!p.isAlive()) {
                fail("the server exited (" + p.exitValue() + ") before it was up:\n--- stdout ---\n" + text
                        + "\n--- stderr ---\n" + Proc.read(err));
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        fail("the server printed no banner within 120 s:\n--- stdout ---\n" + Proc.read(out) + "\n--- stderr ---\n"
                + Proc.read(err));
        return null;
    }
}
