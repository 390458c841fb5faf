package io.strata.nfs.v4.attr;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.proc.Fsinfo3;
import io.strata.nfs.vfs.FsStats;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.XdrWriter;
import java.util.function.Supplier;

/**
 * The file attributes this server reports (RFC 8881 5.6 and 5.7, RFC 8276's xattr_support), and their encoding
 * as fattr4. Attributes a client asks for and the server does not have are left out of the reply's bitmap, as
 * the protocol wants.
 */
public final class Fattr {
    public static final int SUPPORTED_ATTRS = 0;
    public static final int TYPE = 1;
    public static final int FH_EXPIRE_TYPE = 2;
    public static final int CHANGE = 3;
    public static final int SIZE = 4;
    public static final int LINK_SUPPORT = 5;
    public static final int SYMLINK_SUPPORT = 6;
    public static final int NAMED_ATTR = 7;
    public static final int FSID = 8;
    public static final int UNIQUE_HANDLES = 9;
    public static final int LEASE_TIME = 10;
    public static final int RDATTR_ERROR = 11;
    public static final int CANSETTIME = 15;
    public static final int CASE_INSENSITIVE = 16;
    public static final int CASE_PRESERVING = 17;
    public static final int CHOWN_RESTRICTED = 18;
    public static final int FILEHANDLE = 19;
    public static final int FILEID = 20;
    public static final int FILES_AVAIL = 21;
    public static final int FILES_FREE = 22;
    public static final int FILES_TOTAL = 23;
    public static final int HOMOGENEOUS = 26;
    public static final int MAXFILESIZE = 27;
    public static final int MAXLINK = 28;
    public static final int MAXNAME = 29;
    public static final int MAXREAD = 30;
    public static final int MAXWRITE = 31;
    public static final int MODE = 33;
    public static final int NO_TRUNC = 34;
    public static final int NUMLINKS = 35;
    public static final int OWNER = 36;
    public static final int OWNER_GROUP = 37;
    public static final int RAWDEV = 41;
    public static final int SPACE_AVAIL = 42;
    public static final int SPACE_FREE = 43;
    public static final int SPACE_TOTAL = 44;
    public static final int SPACE_USED = 45;
    public static final int TIME_ACCESS = 47;
    public static final int TIME_ACCESS_SET = 48;
    public static final int TIME_DELTA = 51;
    public static final int TIME_METADATA = 52;
    public static final int TIME_MODIFY = 53;
    public static final int TIME_MODIFY_SET = 54;
    public static final int MOUNTED_ON_FILEID = 55;
    public static final int FS_LAYOUT_TYPES = 62;
    public static final int SUPPATTR_EXCLCREAT = 75;
    public static final int XATTR_SUPPORT = 82;

    /** Seconds a client's state lasts without a SEQUENCE (the server forgets far later: see ClientTable). */
    public static final int LEASE_SECONDS = 90;
    public static final int MAX_LINKS = 65000;
    public static final int MAX_NAME = 255;

    public static final int[] SUPPORTED = Bitmaps.of(SUPPORTED_ATTRS, TYPE, FH_EXPIRE_TYPE, CHANGE, SIZE,
            LINK_SUPPORT, SYMLINK_SUPPORT, NAMED_ATTR, FSID, UNIQUE_HANDLES, LEASE_TIME, RDATTR_ERROR, CANSETTIME,
            CASE_INSENSITIVE, CASE_PRESERVING, CHOWN_RESTRICTED, FILEHANDLE, FILEID, FILES_AVAIL, FILES_FREE,
            FILES_TOTAL, HOMOGENEOUS, MAXFILESIZE, MAXLINK, MAXNAME, MAXREAD, MAXWRITE, MODE, NO_TRUNC, NUMLINKS,
            OWNER, OWNER_GROUP, RAWDEV, SPACE_AVAIL, SPACE_FREE, SPACE_TOTAL, SPACE_USED, TIME_ACCESS,
            TIME_ACCESS_SET, TIME_DELTA, TIME_METADATA, TIME_MODIFY, TIME_MODIFY_SET, MOUNTED_ON_FILEID,
            FS_LAYOUT_TYPES, SUPPATTR_EXCLCREAT, XATTR_SUPPORT);
    /** What EXCLUSIVE4_1 creation may set along with its verifier. */
    public static final int[] EXCLUSIVE_CREATE_ATTRS = Bitmaps.of(MODE, OWNER, OWNER_GROUP);

    private Fattr() {
    }

    /** Where the file-system-wide figures come from, asked only when a request wants one of them. */
    @FunctionalInterface
    public interface FsStatsSource {
        FsStats get() throws NfsException;
    }

    /** The fattr4 (bitmap and values) for the attributes in {@code requested} that the server has. */
    public static XdrWriter encode(int[] requested, Stat s, Supplier<byte[]> handle, FsStatsSource fsStats)
            throws NfsException {
        byte[] values = values(requested, s, handle, fsStats);
        int[] reported = reported(requested);
        return out -> {
            io.strata.nfs.v4.Xdr4.bitmap(out, reported);
            out.xdrEncodeDynamicOpaque(values);
        };
    }

    /** The requested attributes this server has. */
    public static int[] reported(int[] requested) {
        int[] out = new int[Math.min(requested.length, SUPPORTED.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = requested[i] & SUPPORTED[i];
        }
        // Write-only attributes are never reported.
        if (out.length > 1) {
            out[1] &= ~((1 << (TIME_ACCESS_SET & 31)) | (1 << (TIME_MODIFY_SET & 31)));
        }
        return out;
    }

    /** The attrlist4 bytes alone (READDIR sizes each entry before it decides to send it). */
    public static byte[] values(int[] requested, Stat s, Supplier<byte[]> handle, FsStatsSource fsStats)
            throws NfsException {
        int[] wanted = reported(requested);
        AttrBuffer b = new AttrBuffer();
        FsStats fs = null;
        for (int bit = 0; bit < Bitmaps.limit(wanted); bit++) {
            if (!Bitmaps.has(wanted, bit)) {
                continue;
            }
            if (fs == null && (bit >= FILES_AVAIL && bit <= FILES_TOTAL || bit >= SPACE_AVAIL && bit <= SPACE_TOTAL
                    || bit == MAXFILESIZE)) {
                fs = fsStats.get();
            }
            put(b, bit, s, handle, fs);
        }
        return b.toBytes();
    }

    private static void put(AttrBuffer b, int bit, Stat s, Supplier<byte[]> handle, FsStats fs) {
        switch (bit) {
            case SUPPORTED_ATTRS -> b.putBitmap(SUPPORTED);
            case TYPE -> b.putInt(Attrs.typeCode(s.type()));
            case FH_EXPIRE_TYPE -> b.putInt(0); // FH4_PERSISTENT
            case CHANGE -> b.putLong(s.change());
            case SIZE -> b.putLong(s.size());
            case LINK_SUPPORT, SYMLINK_SUPPORT, UNIQUE_HANDLES, CANSETTIME, CASE_PRESERVING, CHOWN_RESTRICTED,
                 HOMOGENEOUS, NO_TRUNC, XATTR_SUPPORT -> b.putBool(true);
            case NAMED_ATTR, CASE_INSENSITIVE -> b.putBool(false);
            case FSID -> {
                b.putLong(Attrs.FSID);
                b.putLong(0);
            }
            case LEASE_TIME -> b.putInt(LEASE_SECONDS);
            case RDATTR_ERROR -> b.putInt(0);
            case FILEHANDLE -> b.putOpaque(handle.get()); // signed on demand: most requests do not ask
            case FILEID, MOUNTED_ON_FILEID -> b.putLong(s.id().inode());
            case FILES_AVAIL -> b.putLong(fs.availableFiles());
            case FILES_FREE -> b.putLong(fs.freeFiles());
            case FILES_TOTAL -> b.putLong(fs.totalFiles());
            case MAXFILESIZE -> b.putLong(fs.maxFileSize());
            case MAXLINK -> b.putInt(MAX_LINKS);
            case MAXNAME -> b.putInt(MAX_NAME);
            case MAXREAD, MAXWRITE -> b.putLong(Fsinfo3.MAX_IO);
            case MODE -> b.putInt(s.mode() & 07777);
            case NUMLINKS -> b.putInt(s.nlink());
            case OWNER -> b.putString(Integer.toUnsignedString(s.uid()));
            case OWNER_GROUP -> b.putString(Integer.toUnsignedString(s.gid()));
            case RAWDEV -> {
                b.putInt(0);
                b.putInt(0);
            }
            case SPACE_AVAIL -> b.putLong(fs.availableBytes());
            case SPACE_FREE -> b.putLong(fs.freeBytes());
            case SPACE_TOTAL -> b.putLong(fs.totalBytes());
            case SPACE_USED -> b.putLong(s.used());
            case TIME_ACCESS -> b.putTime(s.atimeNanos());
            case TIME_DELTA -> b.putTime(1);
            case TIME_METADATA -> b.putTime(s.ctimeNanos());
            case TIME_MODIFY -> b.putTime(s.mtimeNanos());
            case FS_LAYOUT_TYPES -> b.putInt(0);
            case SUPPATTR_EXCLCREAT -> b.putBitmap(EXCLUSIVE_CREATE_ATTRS);
            default -> throw new IllegalStateException("attribute " + bit + " is in SUPPORTED without a value");
        }
    }
}
