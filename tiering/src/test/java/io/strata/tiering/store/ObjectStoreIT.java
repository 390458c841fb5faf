package io.strata.tiering.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.meta.TestPorts;
import io.strata.meta.MetaStore;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.ns.BucketCatalog;
import io.strata.meta.ns.WriteCondition;
import io.strata.tiering.data.DurableBlob;
import io.strata.tiering.data.NewBlob;
import io.strata.tiering.data.ReadLeases;
import io.strata.tiering.data.ReadSegment;
import io.strata.tiering.data.Reclaimer;
import io.strata.tiering.volume.LocalVolume;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data path on a real namespace and volume: what lands on disk, what is reclaimed, what readers see. */
class ObjectStoreIT {
    @TempDir
    static Path dir;
    static MetaStore meta;
    static ObjectStore store;
    static Reclaimer reclaimer;
    static ReadLeases leases = new ReadLeases();

    @BeforeAll
    static void start() throws IOException {
        meta = MetaStore.open(TestPorts.metaConfig(dir.resolve("meta")));
        VolumeRegistry volumes = new VolumeRegistry();
        volumes.add(new LocalVolume("v1", Tier.NVME, dir.resolve("vol")));
        store = new ObjectStore(meta, volumes, leases);
        reclaimer = new Reclaimer(meta.ledger(), volumes, leases, Duration.ZERO);
        meta.buckets().create("data", BucketCatalog.BucketDefaults.STANDARD);
    }

    @AfterAll
    static void stop() {
        meta.close();
    }

    static long blobFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("vol/blobs"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    static void put(String key, byte[] bytes) throws IOException {
        NewBlob blob = store.startWrite("data", Set.of());
        blob.write(ByteBuffer.wrap(bytes));
        DurableBlob durable = blob.finish();
        store.publish("data", ObjectKey.parse(key), durable, ObjectAttrs.ofEtag(null), WriteCondition.NONE);
    }

    @Test
    void onlyReferencedDataFilesStayOnDisk() throws IOException {
        long before = blobFiles();
        put("empty-1", new byte[0]);
        put("empty-2", new byte[0]);
        put("three", new byte[] {1, 2, 3});
        put("three", new byte[] {4, 5, 6});
        reclaimer.runOnce();
        assertEquals(before + 1, blobFiles(), "one file for 'three'; none for the empty objects or the replaced bytes");
        meta.objects().delete("data", ObjectKey.parse("three"), WriteCondition.NONE);
        reclaimer.runOnce();
        assertEquals(before, blobFiles());
    }

    @Test
    void anOpenReadKeepsTheBytesItOpenedAcrossAReplaceAndReclaim() throws IOException {
        put("stable", new byte[] {7, 7, 7});
        try (OpenObject open = store.open("data", ObjectKey.parse("stable"), i -> new ByteRange(0, i.size() - 1))) {
            put("stable", new byte[] {8, 8, 8});
            reclaimer.runOnce();
            ReadSegment.FileBytes seg = (ReadSegment.FileBytes) open.segments().get(0);
            ByteBuffer buf = ByteBuffer.allocate(3);
            seg.channel().read(buf, seg.position());
            assertArrayEquals(new byte[] {7, 7, 7}, buf.array(), "the reader sees the object it opened, whole");
        }
        try (OpenObject again = store.open("data", ObjectKey.parse("stable"), i -> new ByteRange(0, i.size() - 1))) {
            ReadSegment.FileBytes seg = (ReadSegment.FileBytes) again.segments().get(0);
            ByteBuffer buf = ByteBuffer.allocate(3);
            seg.channel().read(buf, seg.position());
            assertArrayEquals(new byte[] {8, 8, 8}, buf.array());
        }
    }

    @Test
    void smallObjectsLiveInlineAndAreReclaimedLikeBlobs() throws IOException {
        long before = blobFiles();
        byte[] small = "small object".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        io.strata.tiering.checksum.ContentHashes h = new io.strata.tiering.checksum.ContentHashes(Set.of());
        h.update(ByteBuffer.wrap(small));
        var inode = store.publishInline("data", ObjectKey.parse("inline/one"), small, h.finish(), ObjectAttrs.ofEtag(null),
                WriteCondition.NONE);
        String inlineId = inode.extents().get(0).blob().blobId();
        assertEquals(io.strata.meta.model.BlobRef.INLINE_VOLUME, inode.extents().get(0).blob().volumeId());
        assertEquals(before, blobFiles(), "no data file for an inline object");
        try (OpenObject open = store.open("data", ObjectKey.parse("inline/one"), i -> new ByteRange(2, 7))) {
            ByteBuffer got = ((ReadSegment.Bytes) open.segments().get(0)).data();
            byte[] bytes = new byte[got.remaining()];
            got.get(bytes);
            assertArrayEquals("all ob".getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes);
        }
        put("inline/one", new byte[200_000]);
        reclaimer.runOnce();
        assertEquals(null, meta.inline().get(inlineId), "the replaced inline bytes are reclaimed");
        assertEquals(before + 1, blobFiles());
    }

    @Test
    void aMissingKeyIsNotFound() {
        assertThrows(io.strata.meta.error.NotFoundException.class,
                () -> store.open("data", ObjectKey.parse("missing"), i -> null));
    }
}
