package io.strata.meta.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.model.PosixAttrs;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InodeCodecTest {

    static Inode sample() {
        ObjectAttrs attrs = new ObjectAttrs("\"d41d8cd98f00b204e9800998ecf8427e\"",
                Map.of("content-type", "text/csv"), Map.of("owner", "ünïcode"), Map.of("tier", "hot"),
                Map.of("CRC32C", "yZRlqg=="), "FULL_OBJECT", List.of(5L << 20, 1024L));
        return new Inode(1234, InodeType.FILE, 77, 0, 9, (5L << 20) + 1024,
                new PosixAttrs(0644, 1000, 100, 2, 1L, 2L, 3L), attrs,
                List.of(new Extent(0, 5L << 20, new BlobRef("nvme-1", "b1"), 0),
                        new Extent(5L << 20, 1024, new BlobRef("nvme-1", "b2"), 0)), null);
    }

    @Test
    void roundTripsEveryField() {
        Inode in = sample();
        assertEquals(in, InodeCodec.decode(InodeCodec.encode(in)));
        Inode dir = new Inode(5, InodeType.DIRECTORY, 1, 4, 1, 0, new PosixAttrs(0755, 0, 0, 2, 0, 0, 0),
                null, List.of(), null);
        assertEquals(dir, InodeCodec.decode(InodeCodec.encode(dir)));
        Inode link = new Inode(6, InodeType.SYMLINK, 1, 0, 1, 3, new PosixAttrs(0777, 0, 0, 1, 0, 0, 0),
                null, List.of(), "../target");
        assertEquals(link, InodeCodec.decode(InodeCodec.encode(link)));
    }

    @Test
    void equalInodesEncodeToEqualBytes() {
        assertArrayEquals(InodeCodec.encode(sample()), InodeCodec.encode(sample()));
    }

    /**
     * The stored format, byte for byte, as the first version of the codec wrote it: data written by any earlier
     * release must decode, and an inode must encode as before, so that rewriting the codec cannot change either.
     */
    @Test
    void theStoredBytesAreThoseOfTheFirstFormat() {
        ObjectAttrs attrs = new ObjectAttrs("\"d41d8cd98f00b204e9800998ecf8427e\"",
                Map.of("content-type", "text/csv", "cache-control", "no-cache"), Map.of("owner", "ünïcode"), Map.of(),
                Map.of("CRC32C", "yZRlqg=="), "FULL_OBJECT", List.of(5L << 20, 1024L));
        Inode file = new Inode(1234, InodeType.FILE, 77, 0, 9, (5L << 20) + 1024,
                new PosixAttrs(0644, 1000, 100, 2, 1L, 2L, 3L), attrs,
                List.of(new Extent(0, 5L << 20, new BlobRef("nvme-1", "b1"), 0)), null);
        String fileBytes = "0100000000000004d201000000000000004d00000000000000000000000000000009000000000050"
                + "0400000001a4000003e8000000640000000200000000000000010000000000000002000000000000"
                + "00030100000022226434316438636439386630306232303465393830303939386563663834323765"
                + "22000000020000000d63616368652d636f6e74726f6c000000086e6f2d63616368650000000c636f"
                + "6e74656e742d7479706500000008746578742f63737600000001000000056f776e657200000009c3"
                + "bc6ec3af636f646500000000000000010000000643524333324300000008795a526c71673d3d0000"
                + "000b46554c4c5f4f424a454354000000020000000000500000000000000000040000000001000000"
                + "00000000000000000000500000000000066e766d652d310000000262310000000000000000ffffff"
                + "ff";
        Inode link = new Inode(6, InodeType.SYMLINK, 1, 0, 1, 3, new PosixAttrs(0777, 0, 0, 1, -1, 0, 0), null,
                List.of(), "../t");
        String linkBytes = "01000000000000000603000000000000000100000000000000000000000000000001000000000000"
                + "0003000001ff000000000000000000000001ffffffffffffffff0000000000000000000000000000"
                + "00000000000000000000042e2e2f74";

        assertEquals(fileBytes, HexFormat.of().formatHex(InodeCodec.encode(file)));
        assertEquals(linkBytes, HexFormat.of().formatHex(InodeCodec.encode(link)));
        assertEquals(file, InodeCodec.decode(HexFormat.of().parseHex(fileBytes)));
        assertEquals(link, InodeCodec.decode(HexFormat.of().parseHex(linkBytes)));
    }

    @Test
    void truncatedValueIsReportedAsCorrupt() {
        byte[] full = InodeCodec.encode(sample());
        assertThrows(CorruptValueException.class, () -> InodeCodec.decode(Arrays.copyOf(full, full.length - 5)));
        // A symlink's value: no object attributes (byte 82), then the extent count (bytes 83-86).
        byte[] hugeCount = InodeCodec.encode(new Inode(6, InodeType.SYMLINK, 1, 0, 1, 3,
                new PosixAttrs(0777, 0, 0, 1, 0, 0, 0), null, List.of(), "../t"));
        hugeCount[83] = 0x7f;
        assertThrows(CorruptValueException.class, () -> InodeCodec.decode(hugeCount), "refused before allocating");
        byte[] wrongVersion = full.clone();
        wrongVersion[0] = 99;
        assertThrows(CorruptValueException.class, () -> InodeCodec.decode(wrongVersion));
    }
}
