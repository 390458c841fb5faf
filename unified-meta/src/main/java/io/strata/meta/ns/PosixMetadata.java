package io.strata.meta.ns;

import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.model.PosixAttrs;
import java.util.HashMap;
import java.util.Map;

/**
 * s3fs's convention for POSIX ownership over S3: user metadata {@code uid}, {@code gid} and {@code mode} (the
 * decimal st_mode). A PUT that sends them sets the file's owner and mode; they then live only in the inode's POSIX
 * attributes, not in the stored metadata, so an NFS chown and an S3 HEAD always agree (HEAD derives them back).
 */
public final class PosixMetadata {
    public static final String UID = "uid";
    public static final String GID = "gid";
    public static final String MODE = "mode";

    private PosixMetadata() {
    }

    /** The attributes without the POSIX keys, and the owner and mode they asked for (null where absent). */
    public record Split(ObjectAttrs attrs, Integer uid, Integer gid, Integer mode) {
        public PosixAttrs applyTo(PosixAttrs p) {
            return new PosixAttrs(mode != null ? mode : p.mode(), uid != null ? uid : p.uid(),
                    gid != null ? gid : p.gid(), p.nlink(), p.atimeNanos(), p.mtimeNanos(), p.ctimeNanos());
        }
    }

    public static Split split(ObjectAttrs attrs) {
        if (attrs == null) {
            return new Split(null, null, null, null);
        }
        Map<String, String> meta = attrs.userMetadata();
        Integer uid = id(meta.get(UID));
        Integer gid = id(meta.get(GID));
        Integer mode = mode(meta.get(MODE));
        if (uid == null && gid == null && mode == null) {
            return new Split(attrs, null, null, null);
        }
        Map<String, String> rest = new HashMap<>(meta);
        if (uid != null) {
            rest.remove(UID);
        }
        if (gid != null) {
            rest.remove(GID);
        }
        if (mode != null) {
            rest.remove(MODE);
        }
        ObjectAttrs kept = new ObjectAttrs(attrs.etag(), attrs.headers(), rest, attrs.tags(), attrs.checksums(),
                attrs.checksumType(), attrs.partSizes());
        return new Split(kept, uid, gid, mode);
    }

    /** The metadata values HEAD and GET show for an inode's POSIX attributes, as s3fs writes them. */
    public static Map<String, String> of(PosixAttrs p, boolean directory) {
        int type = directory ? 0040000 : 0100000;
        return Map.of(UID, Integer.toUnsignedString(p.uid()), GID, Integer.toUnsignedString(p.gid()),
                MODE, Integer.toString(type | p.mode()));
    }

    private static Integer id(String v) {
        try {
            long n = v == null ? -1 : Long.parseLong(v.trim());
            return n >= 0 && n <= 0xFFFFFFFFL ? (int) n : null;
        } catch (NumberFormatException e) {
            return null; // not an id: kept as ordinary metadata
        }
    }

    private static Integer mode(String v) {
        try {
            return v == null ? null : Integer.parseInt(v.trim()) & 07777;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
