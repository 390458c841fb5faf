package io.strata.nfs.v4;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.v3.Names;

/**
 * Component names from the wire (RFC 8881 14.5): empty is INVAL, "." and ".." are BADNAME (NFSv4 has no such
 * entries), the rest is checked as NFSv3 checks it (UTF-8, no NUL or '/', at most 255 bytes).
 */
public final class Names4 {
    private Names4() {
    }

    public static String component(byte[] raw) throws NfsException, Nfs4Exception {
        if (raw.length == 0) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "empty name");
        }
        String name = Names.lookup(raw);
        if (name.equals(".") || name.equals("..")) {
            throw new Nfs4Exception(Nfs4Status.BADNAME, "'" + name + "' is not a name in NFSv4");
        }
        return name;
    }

    /** A name checked only for length: xattr keys and such are not file names. */
    public static String key(byte[] raw) throws Nfs4Exception {
        if (raw.length == 0) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "empty name");
        }
        if (raw.length > Names.MAX_BYTES) {
            throw new Nfs4Exception(Nfs4Status.NAMETOOLONG, "name of " + raw.length + " bytes");
        }
        return Xdr4.text(raw);
    }
}
