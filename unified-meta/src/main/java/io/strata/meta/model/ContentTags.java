package io.strata.meta.model;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * ETags for content that was not hashed as a whole (written at random offsets over NFS, truncated, extended). They
 * contain '-', like multipart ETags, so no client takes them for an MD5; they change whenever the content changes
 * because they hash the inode id with its new version.
 */
public final class ContentTags {
    /** The MD5 of no bytes: the ETag of every empty file. */
    public static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    private ContentTags() {
    }

    public static String opaque(long inodeId, long version, long size) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(ByteBuffer.allocate(24).putLong(inodeId).putLong(version).putLong(size).flip());
            return HexFormat.of().formatHex(md.digest()) + "-1";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ETag after a change of size alone (the bytes kept are unchanged, but the object is not the same). */
    public static String afterResize(long inodeId, long version, long size) {
        return size == 0 ? EMPTY_MD5 : opaque(inodeId, version, size);
    }
}
