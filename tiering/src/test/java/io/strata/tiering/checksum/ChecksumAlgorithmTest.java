package io.strata.tiering.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecksumAlgorithmTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    private static String hex(ChecksumAlgorithm a, byte[] data) {
        RunningChecksum c = a.start();
        c.update(ByteBuffer.wrap(data));
        return HexFormat.of().formatHex(c.finish());
    }

    @Test
    void crcsMatchTheirCatalogueCheckValues() {
        // Check values of the CRC catalogue for the ASCII bytes "123456789".
        assertEquals("cbf43926", hex(ChecksumAlgorithm.CRC32, CHECK));
        assertEquals("e3069283", hex(ChecksumAlgorithm.CRC32C, CHECK));
        assertEquals("ae8b14860a799888", hex(ChecksumAlgorithm.CRC64NVME, CHECK));
    }

    @Test
    void digestsMatchKnownValues() {
        assertEquals("f7c3bc1d808e04732adf679965ccc34ca7ae3441", hex(ChecksumAlgorithm.SHA1, CHECK));
        assertEquals("15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225", hex(ChecksumAlgorithm.SHA256, CHECK));
    }

    @Test
    void splitUpdatesEqualOneUpdate() {
        byte[] data = new byte[100_000];
        new java.util.Random(7).nextBytes(data);
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            RunningChecksum c = a.start();
            for (int off = 0; off < data.length; off += 777) {
                c.update(ByteBuffer.wrap(data, off, Math.min(777, data.length - off)));
            }
            assertEquals(hex(a, data), HexFormat.of().formatHex(c.finish()), a.name());
        }
    }

    @Test
    void contentHashesComputeMd5AndRequestedSumsInOnePass() {
        ContentHashes h = new ContentHashes(Set.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.SHA256));
        h.update(ByteBuffer.wrap(CHECK, 0, 4));
        h.update(ByteBuffer.wrap(CHECK, 4, 5));
        ContentHashes.Result r = h.finish();
        assertEquals("25f9e794323b453885f5181f1b624d0b", r.md5Hex());
        assertEquals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex("cbf43926")), r.checksums().get(ChecksumAlgorithm.CRC32));
        assertEquals(2, r.checksums().size());
    }
}
