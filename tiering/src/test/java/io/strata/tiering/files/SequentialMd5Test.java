package io.strata.tiering.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SequentialMd5Test {
    private static final ExecutorService HASHERS = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stop() {
        HASHERS.shutdown();
    }

    @Test
    void smallAndLargeWritesHashInFileOrderWhicheverThreadHashesThem() throws Exception {
        byte[] file = random(5 << 20, 1);
        SequentialMd5 md5 = new SequentialMd5(HASHERS);
        int[] sizes = {100, 1 << 20, 4096, SequentialMd5.HAND_OFF_FROM, 7, 3 << 20, 512};
        int at = 0;
        for (int size : sizes) {
            md5.offer(at, ByteBuffer.wrap(file, at, size));
            at += size;
        }
        assertEquals(md5Of(file, at), md5.md5IfCovers(at));
        assertNull(md5.md5IfCovers(at - 1), "the hash covers the whole file or it is not its ETag");
    }

    @Test
    void theHashOnlyCountsOnceTheHandedOffWritesAreHashed() throws Exception {
        byte[] file = random(2 << 20, 2);
        ArrayDeque<Runnable> queued = new ArrayDeque<>();
        SequentialMd5 md5 = new SequentialMd5(queued::add);
        md5.offer(0, ByteBuffer.wrap(file, 0, 1 << 20));
        md5.offer(1 << 20, ByteBuffer.wrap(file, 1 << 20, 10)); // small, but after a queued write: queued too
        assertEquals(1, queued.size(), "the large write waits for a hashing thread; the small one waits for it");
        Thread runner = new Thread(() -> {
            while (!queued.isEmpty()) {
                queued.poll().run();
            }
        });
        runner.start();
        assertEquals(md5Of(file, (1 << 20) + 10), md5.md5IfCovers((1 << 20) + 10));
    }

    @Test
    void aTruncationToZeroStartsOverWhileOldHashingStillRuns() throws Exception {
        byte[] before = random(2 << 20, 3);
        byte[] after = random(1 << 20, 4);
        SequentialMd5 md5 = new SequentialMd5(HASHERS);
        md5.offer(0, ByteBuffer.wrap(before));
        md5.reset();
        md5.offer(0, ByteBuffer.wrap(after));
        assertEquals(md5Of(after, after.length), md5.md5IfCovers(after.length));
    }

    @Test
    void aWriteBelowWhatIsHashedSpoilsItForGood() {
        byte[] file = random(1 << 20, 5);
        SequentialMd5 md5 = new SequentialMd5(HASHERS);
        md5.offer(0, ByteBuffer.wrap(file));
        md5.offer(10, ByteBuffer.wrap(file, 10, 5));
        assertNull(md5.md5IfCovers(file.length));
        assertEquals(-1, md5.hashedUpTo());
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String md5Of(byte[] b, int length) throws Exception {
        MessageDigest d = MessageDigest.getInstance("MD5");
        d.update(b, 0, length);
        return HexFormat.of().formatHex(d.digest());
    }
}
