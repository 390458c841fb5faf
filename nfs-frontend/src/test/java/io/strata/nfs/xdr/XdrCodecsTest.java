package io.strata.nfs.xdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.nfs.testing.Wire;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stat;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.junit.jupiter.api.Test;

class XdrCodecsTest {
    static final Stat FILE = new Stat(new FileId(4242, 7), FileType.REGULAR, 0640, 2, 1000, 100, 123456789L, 4096,
            1_700_000_000_123_456_789L, 1_700_000_001_000_000_001L, 1_700_000_002_999_999_999L, 5);

    @Test
    void fattr3IsEightyFourBytesInRfcOrder() throws Exception {
        assertEquals(Attrs.FATTR3_BYTES, Wire.bytes(out -> Attrs.fattr3(out, FILE)).length);
        Xdr in = Wire.roundTrip(out -> Attrs.fattr3(out, FILE));
        assertEquals(1, in.xdrDecodeInt(), "NF3REG");
        assertEquals(0640, in.xdrDecodeInt());
        assertEquals(2, in.xdrDecodeInt());
        assertEquals(1000, in.xdrDecodeInt());
        assertEquals(100, in.xdrDecodeInt());
        assertEquals(123456789L, in.xdrDecodeLong());
        assertEquals(4096, in.xdrDecodeLong());
        assertEquals(0, in.xdrDecodeInt());
        assertEquals(0, in.xdrDecodeInt());
        assertEquals(Attrs.FSID, in.xdrDecodeLong());
        assertEquals(4242, in.xdrDecodeLong(), "fileid is the inode id");
        assertEquals(FILE.atimeNanos(), NfsTime.decode(in));
        assertEquals(FILE.mtimeNanos(), NfsTime.decode(in));
        assertEquals(FILE.ctimeNanos(), NfsTime.decode(in));
    }

    @Test
    void wccCarriesSizeAndTimesBeforeAndFullAttributesAfter() throws Exception {
        Xdr in = Wire.roundTrip(out -> Attrs.wcc(out, FILE, null));
        assertTrue(in.xdrDecodeBoolean());
        assertEquals(FILE.size(), in.xdrDecodeLong());
        assertEquals(FILE.mtimeNanos(), NfsTime.decode(in));
        assertEquals(FILE.ctimeNanos(), NfsTime.decode(in));
        assertFalse(in.xdrDecodeBoolean(), "no post-op attributes");
        assertFalse(in.hasMoreData());
    }

    @Test
    void sattr3DecodesEachOptionalField() throws Exception {
        Xdr in = Wire.roundTrip(out -> {
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(0100755); // type bits are dropped
            out.xdrEncodeBoolean(false);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(50);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(1); // atime: server time
            out.xdrEncodeInt(2); // mtime: client time
            out.xdrEncodeInt(10);
            out.xdrEncodeInt(20);
        });
        SetAttributes a = Sattr.decode(in);
        assertEquals(0755, a.mode());
        assertNull(a.uid());
        assertEquals(50, a.gid());
        assertEquals(0L, a.size());
        assertEquals(SetAttributes.SERVER_TIME, a.atimeNanos());
        assertEquals(10_000_000_020L, a.mtimeNanos());
    }

    @Test
    void garbageIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Xdr hugeOpaque = Wire.roundTrip(out -> out.xdrEncodeInt(Integer.MAX_VALUE));
        assertThrows(GarbageArgsException.class, () -> XdrReader.opaque(hugeOpaque, 64));
        Xdr negative = Wire.roundTrip(out -> out.xdrEncodeInt(-1));
        assertThrows(GarbageArgsException.class, () -> XdrReader.string(negative));
        Xdr badBool = Wire.roundTrip(out -> out.xdrEncodeInt(7));
        assertThrows(GarbageArgsException.class, () -> XdrReader.bool(badBool));
        Xdr badTime = Wire.roundTrip(out -> {
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(1_000_000_000);
        });
        assertThrows(GarbageArgsException.class, () -> NfsTime.decode(badTime));
        Xdr badHow = Wire.roundTrip(out -> {
            for (int i = 0; i < 4; i++) {
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(3);
        });
        assertThrows(GarbageArgsException.class, () -> Sattr.decode(badHow));
    }

    @Test
    void timesBeforeTheEpochDoNotWrapIntoGarbage() throws Exception {
        Xdr in = Wire.roundTrip(out -> NfsTime.encode(out, 1_500_000_000L));
        assertEquals(1, in.xdrDecodeInt());
        assertEquals(500_000_000, in.xdrDecodeInt());
    }
}
