package io.strata.nfs.access;

import io.strata.nfs.vfs.Caller;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;

/**
 * The rights ACCESS answers with: the same bits in NFSv3 (RFC 1813 3.3.4) and NFSv4 (RFC 8881 18.1), plus the
 * extended-attribute rights of RFC 8276, all from the mode bits. Reading and listing extended attributes follows
 * read permission, writing them follows write permission.
 */
public final class AccessRights {
    public static final int READ = 0x01;
    public static final int LOOKUP = 0x02;
    public static final int MODIFY = 0x04;
    public static final int EXTEND = 0x08;
    public static final int DELETE = 0x10;
    public static final int EXECUTE = 0x20;
    public static final int XAREAD = 0x40;
    public static final int XAWRITE = 0x80;
    public static final int XALIST = 0x100;
    /** The rights NFSv3 and NFSv4.1 know. */
    public static final int CLASSIC = 0x3f;
    /** NFSv4.2's, with the extended-attribute rights. */
    public static final int WITH_XATTRS = 0x1ff;

    private AccessRights() {
    }

    /** Every right the caller has on the file. */
    public static int granted(Stat s, Caller caller) {
        int bits = Permissions.bits(s, caller);
        boolean dir = s.type() == FileType.DIRECTORY;
        int granted = 0;
        if ((bits & Permissions.READ) != 0) {
            granted |= READ | XAREAD | XALIST;
        }
        if ((bits & Permissions.WRITE) != 0) {
            granted |= MODIFY | EXTEND | XAWRITE | (dir ? DELETE : 0);
        }
        if ((bits & Permissions.EXECUTE) != 0) {
            granted |= dir ? LOOKUP : EXECUTE;
        }
        return granted;
    }
}
