package io.strata.tiering.volume.cloud;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The bytes of one part (or of a whole small blob) waiting to be sent. It grows on demand up to the part size, so
 * a 4 KiB blob does not hold 8 MiB of heap while it is written.
 */
final class PartBuffer {
    private static final int INITIAL = 64 * 1024;

    private final int capacity;
    private byte[] bytes = new byte[0];
    private int length;

    PartBuffer(int capacity) {
        this.capacity = capacity;
    }

    boolean isFull() {
        return length == capacity;
    }

    int length() {
        return length;
    }

    /** Copies as much of {@code src} as fits; returns how much that was. */
    int fill(ByteBuffer src) {
        int n = Math.min(src.remaining(), capacity - length);
        ensure(length + n);
        src.get(bytes, length, n);
        length += n;
        return n;
    }

    private void ensure(int needed) {
        if (needed > bytes.length) {
            int grown = Math.max(needed, Math.max(INITIAL, bytes.length * 2));
            bytes = Arrays.copyOf(bytes, Math.min(capacity, grown));
        }
    }

    /** The body for a request; it reads the buffer in place (the SDK may read it twice, to sign and to send). */
    RequestBody body() {
        int len = length;
        byte[] b = bytes;
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(b, 0, len), len,
                "application/octet-stream");
    }

    byte[] md5() {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(bytes, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Keeps the array for the next part of the same blob. */
    void clear() {
        length = 0;
    }

    /** Drops the array once the blob is written. */
    void release() {
        bytes = new byte[0];
        length = 0;
    }
}
