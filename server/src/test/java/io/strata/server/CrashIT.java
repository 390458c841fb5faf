package io.strata.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import io.strata.tiering.store.ObjectStore;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Concurrent PUTs and multipart uploads against the packaged server, {@code kill -9} while requests are in
 * flight, restart on the same data: every acknowledged object reads back byte for byte, nothing torn or
 * half-written is listed, and no data file outlives the crash.
 */
class CrashIT {
    private static final String USER = "crash-user";
    private static final String SECRET = "crash-secret-key";
    private static final String BUCKET = "crash";
    private static final int WRITERS = 8;
    private static final long WRITE_MILLIS = 6_000;
    private static final int MIB = 1 << 20;
    private static final int PART = 5 * MIB;
    private static final int TRAP_SIZE = 3 * MIB;
    private static final Pattern INTERRUPTED =
            Pattern.compile("(\\d+) data files were being written when the server stopped");

    @TempDir
    Path tmp;

    @RegisterExtension
    final CrashableServers servers = new CrashableServers(USER, SECRET, List.of());

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void acknowledgedWritesSurviveKill9AndNothingTornOrLeakedIsLeft() throws Exception {
        Path data = tmp.resolve("data");
        int[] ports = TestServers.freePorts(3);
        ServerProcess first = servers.start(data, ports, tmp);
        try (S3Client s3 = client(first.port())) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }

        Load load = new Load();
        List<Thread> writers = new ArrayList<>();
        try (S3Client s3 = client(first.port())) {
            for (int t = 0; t < WRITERS; t++) {
                int id = t;
                Thread w = new Thread(() -> load.write(s3, id), "crash-writer-" + t);
                w.start();
                writers.add(w);
            }
            Thread.sleep(WRITE_MILLIS);
            // The next single PUT stops half-way through its body until the kill: a request is surely in flight.
            load.armed.set(true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!load.trapPaused.await(100, TimeUnit.MILLISECONDS) && load.errors().isEmpty()
                    && System.nanoTime() < deadline) {
                // waiting for the trap, or for a failure that makes it pointless
            }
            if (load.trapPaused.getCount() > 0) {
                load.stopping.set(true);
                String exited = first.process().isAlive() ? ""
                        : "the server exited (" + first.process().exitValue() + ") before it was killed; ";
                fail(exited + "no writer reached the half of a 3 MiB body; failures before the kill:\n"
                        + String.join("\n", load.errors()) + "\n" + first.describe());
            }
            load.stopping.set(true);
            first.process().destroyForcibly();
            assertTrue(first.process().waitFor(30, TimeUnit.SECONDS), "the server survived SIGKILL");
            load.trapRelease.countDown();
            for (Thread w : writers) {
                w.join(TimeUnit.SECONDS.toMillis(60));
                assertFalse(w.isAlive(), w.getName() + " is stuck after the kill");
            }
        }
        assertEquals(137, first.process().exitValue(), "SIGKILL: 128+9\n" + first.describe());
        assertTrue(load.errors().isEmpty(), "requests failed before the kill:\n" + String.join("\n", load.errors()));

        Set<String> attempted = new TreeSet<>(load.attempted);
        Map<String, String> acked = new TreeMap<>(load.acknowledged);
        Set<String> unacked = new TreeSet<>(attempted);
        unacked.removeAll(acked.keySet());
        long ackedMultipart = acked.keySet().stream().filter(CrashIT::isMultipart).count();
        String counts = "attempted " + attempted.size() + ", acknowledged " + acked.size() + " (" + ackedMultipart
                + " multipart), attempted but unacknowledged " + unacked.size();
        System.out.println("CrashIT: " + counts);
        assertTrue(acked.size() >= 20, "too few writes to mean anything: " + counts);
        assertTrue(ackedMultipart >= 1, "no multipart upload completed before the kill: " + counts);
        assertTrue(unacked.contains(load.trapKey), "the paused PUT was never acknowledged: " + counts);

        ServerProcess second = servers.start(data, ports, tmp);
        int stopped;
        try (S3Client s3 = client(second.port())) {
            // The paused PUT was mid-body when killed: its data file, recorded before its first byte, is found and
            // released at start-up (published writes, empty ones included, leave nothing in flight).
            Matcher interrupted = INTERRUPTED.matcher(second.stderr());
            long ackedEmpty = acked.keySet().stream().filter(k -> k.endsWith("-s0")).count();
            long released = interrupted.find() ? Long.parseLong(interrupted.group(1)) : 0;
            // Each writer has at most one data file open at a time (a PUT's, or one part's).
            assertTrue(released >= 1 && released <= WRITERS,
                    "the restart released " + released + " interrupted data files, expected 1.." + WRITERS + "\n"
                            + second.describe());

            Map<String, Long> listed = new TreeMap<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(100)).contents()) {
                listed.put(o.key(), o.size());
            }
            List<String> strangers = listed.keySet().stream().filter(k -> !attempted.contains(k)).toList();
            assertTrue(strangers.isEmpty(), "listed keys that were never written: " + strangers);
            List<String> lost = acked.keySet().stream().filter(k -> !listed.containsKey(k)).toList();
            assertTrue(lost.isEmpty(), "acknowledged objects missing after the restart: " + lost);

            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Long> e : listed.entrySet()) {
                String key = e.getKey();
                byte[] expected = content(key);
                String md5 = TestData.md5(expected);
                if (acked.containsKey(key) && !acked.get(key).equals(md5)) {
                    fail("test bug: content of " + key + " is not a function of its key");
                }
                if (e.getValue() != expected.length) {
                    wrong.add(key + ": listed with " + e.getValue() + " bytes, written with " + expected.length);
                }
                String got = readMd5(s3, key, wrong);
                if (got != null && !got.equals(md5)) {
                    wrong.add(key + " (" + (acked.containsKey(key) ? "acknowledged" : "unacknowledged")
                            + "): body MD5 " + got + ", written " + md5);
                }
            }
            assertTrue(wrong.isEmpty(), "objects that do not read back as written:\n" + String.join("\n", wrong));

            List<String> strayUploads = new ArrayList<>();
            int aborted = 0;
            for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(BUCKET)).uploads()) {
                if (!unacked.contains(u.key()) || !isMultipart(u.key())) {
                    strayUploads.add(u.key() + " " + u.uploadId());
                }
                s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(u.key()).uploadId(u.uploadId()));
                aborted++;
            }
            assertTrue(strayUploads.isEmpty(),
                    "uploads open for keys that no interrupted upload wrote: " + strayUploads);
            assertEquals(0, s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size(),
                    "uploads left after abort");

            // Objects up to the inline limit live in the metadata store and have no data file.
            long expectedFiles = listed.entrySet().stream()
                    .mapToLong(e -> isMultipart(e.getKey()) ? 3 : e.getValue() > ObjectStore.DEFAULT_INLINE_MAX ? 1 : 0).sum();
            Path blobs = data.resolve("volumes").resolve("local-1").resolve("blobs");
            List<Path> files = blobFiles(blobs);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (files.size() != expectedFiles && System.nanoTime() < deadline) {
                Thread.sleep(500);
                files = blobFiles(blobs);
            }
            System.out.println("CrashIT: listed " + listed.size() + " ("
                    + listed.keySet().stream().filter(CrashIT::isMultipart).count() + " multipart, "
                    + listed.keySet().stream().filter(k -> !acked.containsKey(k)).count()
                    + " unacknowledged; " + ackedEmpty + " acknowledged empty), interrupted data files released at restart "
                    + released + ", uploads aborted " + aborted
                    + ", data files " + files.size()
                    + " (expected " + expectedFiles + ")");
            assertEquals(expectedFiles, files.size(), "data files on the volume vs. what the listed objects need ("
                    + counts + ", listed " + listed.size() + "); files:\n" + describe(files) + "\n"
                    + second.describe());

            String afterKey = "after/restart-s1234567";
            byte[] after = content(afterKey);
            s3.putObject(b -> b.bucket(BUCKET).key(afterKey), RequestBody.fromBytes(after));
            assertEquals(TestData.md5(after), readMd5(s3, afterKey, wrong), String.join("\n", wrong));
        } finally {
            stopped = second.stop();
        }
        assertEquals(143, stopped, "SIGTERM: 128+15\n" + second.describe());
    }

    /** The writers' shared state: what was attempted, what the server acknowledged, and the kill trap. */
    private static final class Load {
        final Set<String> attempted = ConcurrentHashMap.newKeySet();
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final List<String> errorsBeforeKill = new ArrayList<>();
        final AtomicBoolean stopping = new AtomicBoolean();
        final AtomicBoolean armed = new AtomicBoolean();
        final AtomicBoolean trapTaken = new AtomicBoolean();
        final CountDownLatch trapPaused = new CountDownLatch(1);
        final CountDownLatch trapRelease = new CountDownLatch(1);
        volatile String trapKey;

        List<String> errors() {
            synchronized (errorsBeforeKill) {
                return List.copyOf(errorsBeforeKill);
            }
        }

        void write(S3Client s3, int thread) {
            for (int n = 0; !stopping.get(); n++) {
                String dir = switch (n % 4) {
                    case 1 -> "t" + thread + "/d/";
                    case 2 -> "t" + thread + "/d/e/";
                    default -> "t" + thread + "/";
                };
                String seq = String.format("%05d", n);
                Random r = new Random(31L * thread + n);
                boolean trap = armed.get() && trapTaken.compareAndSet(false, true);
                boolean multipart = !trap && n % 6 == thread % 6;
                String key;
                if (multipart) {
                    key = dir + "mpu-" + seq + "-s" + (2 * PART + 1 + r.nextInt(200_000));
                } else {
                    int size = trap ? TRAP_SIZE : n % 10 == 7 ? 0 : r.nextInt(3 * MIB + 1);
                    key = dir + "obj-" + seq + "-s" + size;
                }
                attempted.add(key);
                try {
                    byte[] body = content(key);
                    if (multipart) {
                        String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
                        List<CompletedPart> parts = new ArrayList<>();
                        for (int p = 1; p <= 3; p++) {
                            int from = (p - 1) * PART;
                            int len = p < 3 ? PART : body.length - from;
                            int number = p;
                            RequestBody slice = RequestBody.fromContentProvider(
                                    () -> new ByteArrayInputStream(body, from, len), len, "application/octet-stream");
                            String etag = s3.uploadPart(
                                    b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(number), slice).eTag();
                            parts.add(CompletedPart.builder().partNumber(p).eTag(etag).build());
                        }
                        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(id)
                                .multipartUpload(m -> m.parts(parts)));
                    } else if (trap) {
                        trapKey = key;
                        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromContentProvider(
                                () -> new PausingStream(body, this), body.length, "application/octet-stream"));
                    } else {
                        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
                    }
                    acknowledged.put(key, TestData.md5(body));
                } catch (RuntimeException e) {
                    if (!stopping.get()) {
                        synchronized (errorsBeforeKill) {
                            errorsBeforeKill.add(key + ": " + e);
                        }
                    }
                }
            }
        }
    }

    /** A body that stops half-way until the server has been killed. */
    private static final class PausingStream extends InputStream {
        private final byte[] body;
        private final Load load;
        private int pos;

        PausingStream(byte[] body, Load load) {
            this.body = body;
            this.load = load;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int half = body.length / 2;
            if (pos == half && load.trapRelease.getCount() > 0) {
                load.trapPaused.countDown();
                try {
                    load.trapRelease.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (pos >= body.length) {
                return -1;
            }
            int n = Math.min(len, (pos < half ? half : body.length) - pos);
            System.arraycopy(body, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    // ---- content: a function of the key, whose name ends in -s<size> ----

    static boolean isMultipart(String key) {
        return key.substring(key.lastIndexOf('/') + 1).startsWith("mpu-");
    }

    static byte[] content(String key) {
        int size = Integer.parseInt(key.substring(key.lastIndexOf("-s") + 2));
        return TestData.random(size, key.hashCode());
    }

    /** The MD5 of the object's body, or null (with the reason added to {@code wrong}) if it cannot be read whole. */
    private static String readMd5(S3Client s3, String key, List<String> wrong) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(BUCKET).key(key))) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            String md5 = HexFormat.of().formatHex(md.digest());
            String etag = in.response().eTag();
            boolean etagOk = isMultipart(key) ? etag.matches("\"[0-9a-f]{32}-3\"") : etag.equals("\"" + md5 + "\"");
            if (!etagOk) {
                wrong.add(key + ": ETag " + etag
                        + (isMultipart(key) ? ", not the ETag of 3 parts" : ", body MD5 " + md5));
            }
            return md5;
        } catch (RuntimeException e) {
            wrong.add(key + ": GET failed: " + e);
            return null;
        }
    }

    private static List<Path> blobFiles(Path blobs) throws IOException {
        try (Stream<Path> s = Files.walk(blobs)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String describe(List<Path> files) {
        return files.stream().map(f -> {
            try {
                return f.getFileName() + " " + Files.size(f) + " bytes, modified " + Files.getLastModifiedTime(f);
            } catch (IOException e) {
                return f.getFileName() + " " + e;
            }
        }).collect(Collectors.joining("\n"));
    }

    // ---- a client for the packaged server ----

    private S3Client client(int port) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(USER, SECRET)))
                .forcePathStyle(true)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(WRITERS * 2))
                // A retry could hide a failure before the kill, and only delays the writers after it.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
