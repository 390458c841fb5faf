package io.strata.tiering.volume.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.CloudSpec;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * What every S3 endpoint must do for a cloud volume; subclasses bring the endpoint. Each test writes under a prefix
 * of its own, so counts and listings see only its objects.
 */
abstract class S3VolumeCases {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    /** "A few seconds": connect timeout and retries of a refused connection stay well inside it. */
    private static final Duration DEAD_ENDPOINT_LIMIT = Duration.ofSeconds(8);

    S3Volume volume;
    S3Client raw;
    String prefix;

    /** A running endpoint, with its bucket created and path-style addressing; the prefix is ignored. */
    abstract CloudSpec endpoint();

    CloudSpec spec(String withPrefix) {
        CloudSpec e = endpoint();
        return new CloudSpec(e.endpoint(), e.region(), e.bucket(), withPrefix, e.accessKey(), e.secretKey(),
                e.pathStyle());
    }

    @BeforeEach
    void openVolume() {
        prefix = "it-" + ProcessHandle.current().pid() + "-" + PREFIXES.incrementAndGet() + "/strata";
        volume = new S3Volume("cloud1", spec(prefix));
        raw = S3Clients.build(endpoint());
    }

    @AfterEach
    void closeVolume() {
        volume.close();
        raw.close();
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static void write(S3Volume v, String blobId, byte[] bytes, Map<String, String> metadata, int chunk)
            throws IOException {
        BlobWriter w = v.create(blobId, metadata);
        for (int off = 0; off < bytes.length; off += chunk) {
            w.write(ByteBuffer.wrap(bytes, off, Math.min(chunk, bytes.length - off)));
        }
        assertEquals(bytes.length, w.written());
        w.commit();
    }

    static byte[] readAll(S3Volume v, String blobId, long offset, long length) throws IOException {
        try (InputStream in = v.openStream(blobId, offset, length)) {
            return in.readAllBytes();
        }
    }

    @Test
    void smallBlobRoundTripsWithMetadataOnTheObjectKey() throws IOException {
        String blobId = "mybucket/dir/file.csv";
        byte[] bytes = "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
        write(volume, blobId, bytes, Map.of("strata-path", "/mybucket/dir/file.csv", "Owner", "Zoë"), 5);

        String key = prefix + "/" + blobId;
        assertEquals(key, volume.keyOf(blobId));
        HeadObjectResponse head = raw.headObject(b -> b.bucket(endpoint().bucket()).key(key));
        assertEquals(bytes.length, head.contentLength());
        assertEquals("/mybucket/dir/file.csv", head.metadata().get("strata-path"));
        assertEquals(UserMetadata.value("Zoë"), head.metadata().get("owner"));
        assertArrayEquals(bytes, raw.getObjectAsBytes(b -> b.bucket(endpoint().bucket()).key(key)).asByteArray());
        assertArrayEquals(bytes, readAll(volume, blobId, 0, bytes.length));
    }

    @Test
    void emptyBlobRoundTrips() throws IOException {
        write(volume, "empty", new byte[0], Map.of(), 1);
        try (BlobReader r = volume.open("empty")) {
            assertEquals(0, r.size());
            assertEquals(-1, r.read(ByteBuffer.allocate(4), 0));
        }
    }

    @Test
    void largeBlobGoesMultipartAndRoundTripsByteForByte() throws IOException {
        byte[] bytes = random(20 * 1024 * 1024, 20);
        // An odd chunk size makes parts fill across write calls.
        write(volume, "big/blob.bin", bytes, Map.of("kind", "multipart"), 1024 * 1024 + 7);

        String key = prefix + "/big/blob.bin";
        HeadObjectResponse head = raw.headObject(b -> b.bucket(endpoint().bucket()).key(key));
        assertEquals(bytes.length, head.contentLength());
        assertEquals("multipart", head.metadata().get("kind"));
        assertArrayEquals(bytes, readAll(volume, "big/blob.bin", 0, bytes.length));
    }

    @Test
    void blobOfExactlyOnePartRoundTrips() throws IOException {
        byte[] bytes = random(S3BlobWriter.PART_SIZE, 8);
        write(volume, "one-part", bytes, Map.of(), 64 * 1024);
        assertArrayEquals(bytes, readAll(volume, "one-part", 0, bytes.length));
    }

    @Test
    void abortedMultipartLeavesNoObject() throws IOException {
        BlobWriter w = volume.create("aborted", Map.of());
        w.write(ByteBuffer.wrap(random(S3BlobWriter.PART_SIZE + 1, 3)));
        w.abort();
        w.abort();
        assertFalse(volume.exists("aborted"));
        assertThrows(IOException.class, () -> w.write(ByteBuffer.allocate(1)));
    }

    @Test
    void rangesReadTheEdgesAndTheMiddle() throws IOException {
        int size = 100_003;
        byte[] bytes = random(size, 7);
        write(volume, "ranges", bytes, Map.of(), 8192);

        assertArrayEquals(new byte[] {bytes[0]}, readAll(volume, "ranges", 0, 1));
        assertArrayEquals(new byte[] {bytes[size - 1]}, readAll(volume, "ranges", size - 1, 1));
        assertArrayEquals(Arrays.copyOfRange(bytes, 50_000, 51_000), readAll(volume, "ranges", 50_000, 1000));
        assertArrayEquals(new byte[0], readAll(volume, "ranges", 10, 0));
        // Closing a stream early drops its connection; the volume keeps working.
        try (InputStream in = volume.openStream("ranges", 0, size)) {
            assertEquals(bytes[0] & 0xff, in.read());
        }

        try (BlobReader r = volume.open("ranges")) {
            assertEquals(size, r.size());
            assertNull(r.takeChannel());
            ByteBuffer one = ByteBuffer.allocate(1);
            assertEquals(1, r.read(one, 0));
            assertEquals(bytes[0], one.get(0));
            one.clear();
            assertEquals(1, r.read(one, size - 1));
            assertEquals(bytes[size - 1], one.get(0));
            ByteBuffer tail = ByteBuffer.allocate(10);
            assertEquals(3, r.read(tail, size - 3));
            assertArrayEquals(Arrays.copyOfRange(bytes, size - 3, size), Arrays.copyOf(tail.array(), 3));
            ByteBuffer middle = ByteBuffer.allocateDirect(1000);
            assertEquals(1000, r.read(middle, 40_000));
            byte[] got = new byte[1000];
            middle.flip().get(got);
            assertArrayEquals(Arrays.copyOfRange(bytes, 40_000, 41_000), got);
            assertEquals(-1, r.read(ByteBuffer.allocate(1), size));
        }
    }

    @Test
    void existsBeforeAndAfterWriteAndDelete() throws IOException {
        assertFalse(volume.exists("x/y"));
        write(volume, "x/y", new byte[] {1, 2, 3}, Map.of(), 3);
        assertTrue(volume.exists("x/y"));
        volume.delete("x/y");
        assertFalse(volume.exists("x/y"));
    }

    @Test
    void deletingAMissingBlobIsFine() throws IOException {
        volume.delete("never/written");
        assertFalse(volume.exists("never/written"));
    }

    @Test
    void missingBlobIsNoSuchFile() throws IOException {
        assertThrows(NoSuchFileException.class, () -> volume.open("missing"));
        assertThrows(NoSuchFileException.class, () -> volume.openStream("missing", 0, 10));

        write(volume, "gone", new byte[100], Map.of(), 100);
        try (BlobReader r = volume.open("gone")) {
            volume.delete("gone");
            assertThrows(NoSuchFileException.class, () -> r.read(ByteBuffer.allocate(10), 0));
        }
    }

    @Test
    void usageCountsWhatThePrefixHeldAndFollowsCommitsAndDeletes() throws Exception {
        // An object that was there before the volume opened is found by the listing.
        String fresh = prefix + "-usage";
        raw.putObject(b -> b.bucket(endpoint().bucket()).key(fresh + "/old"), RequestBody.fromBytes(new byte[1000]));
        try (S3Volume v = new S3Volume("cloud2", spec(fresh))) {
            assertEquals(-1, v.usage().totalBytes());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (v.usedBytes() < 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1000, v.usedBytes());
            write(v, "new", new byte[5000], Map.of(), 5000);
            assertEquals(6000, v.usedBytes());
            v.delete("old");
            assertEquals(5000, v.usedBytes());
            v.delete("old");
            assertEquals(5000, v.usedBytes());
        }
    }

    @Test
    void blobIdsThatLeaveThePrefixAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> volume.create("/abs", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> volume.create("a/../b", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> volume.exists(""));
        assertEquals(Tier.CLOUD, volume.tier());
        assertFalse(volume.isLocal());
    }

    @Test
    void deadEndpointIsUnavailableWithinSeconds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CloudSpec e = endpoint();
        CloudSpec deadSpec = new CloudSpec("http://127.0.0.1:" + port, e.region(), e.bucket(), prefix,
                e.accessKey(), e.secretKey(), true);
        try (S3Volume dead = new S3Volume("dead", deadSpec)) {
            quicklyUnavailable(() -> write(dead, "a", new byte[10], Map.of(), 10));
            quicklyUnavailable(() -> dead.open("a"));
            quicklyUnavailable(() -> dead.exists("a"));
            quicklyUnavailable(() -> dead.openStream("a", 0, 10));
            quicklyUnavailable(() -> dead.delete("a"));
            quicklyUnavailable(() -> new S3BlobReader(dead, "a", 10).read(ByteBuffer.allocate(10), 0));
            quicklyUnavailable(dead::check);
            assertEquals(-1, dead.usedBytes());
        }
    }

    private static void quicklyUnavailable(Executable op) {
        long start = System.nanoTime();
        VolumeUnavailableException e = assertThrows(VolumeUnavailableException.class, op);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(DEAD_ENDPOINT_LIMIT) < 0, "took " + took + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("cannot reach"), e.getMessage());
        assertEquals("dead", e.volumeId());
    }

    @Test
    void probeAcceptsTheBucketAndExplainsWhatIsWrong() throws Exception {
        S3Volume.probe(endpoint());
        volume.check();

        CloudSpec e = endpoint();
        VolumeUnavailableException noBucket = assertThrows(VolumeUnavailableException.class,
                () -> S3Volume.probe(new CloudSpec(e.endpoint(), e.region(), "no-such-bucket-here", "", e.accessKey(),
                        e.secretKey(), true)));
        assertTrue(noBucket.getMessage().contains("bucket no-such-bucket-here does not exist"), noBucket.getMessage());

        VolumeUnavailableException badKey = assertThrows(VolumeUnavailableException.class,
                () -> S3Volume.probe(new CloudSpec(e.endpoint(), e.region(), e.bucket(), "", e.accessKey(),
                        "not-the-secret", true)));
        assertTrue(badKey.getMessage().contains("refused the credentials"), badKey.getMessage());

        // The volume's own requests say the same about refused credentials, not "not found".
        try (S3Volume refused = new S3Volume("refused", new CloudSpec(e.endpoint(), e.region(), e.bucket(), prefix,
                e.accessKey(), "not-the-secret", true))) {
            VolumeUnavailableException onOpen = assertThrows(VolumeUnavailableException.class,
                    () -> refused.open("anything"));
            assertTrue(onOpen.getMessage().contains("refused the credentials"), onOpen.getMessage());
        }
    }
}
