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

    @Test
    void truncatedValueIsReportedAsCorrupt() {
        byte[] full = InodeCodec.encode(sample());
        assertThrows(CorruptValueException.class, () -> InodeCodec.decode(Arrays.copyOf(full, full.length - 5)));
        byte[] wrongVersion = full.clone();
        wrongVersion[0] = 99;
        assertThrows(CorruptValueException.class, () -> InodeCodec.decode(wrongVersion));
    }
}
