package io.strata.tiering.files;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 of a file written from offset 0 onwards, so an NFS-written file gets a real MD5 ETag when that costs
 * nothing extra. Bytes must arrive in order; a write below what is already hashed spoils it for good.
 */
final class SequentialMd5 {
    private MessageDigest md5 = newDigest();
    private long hashedUpTo;
    private boolean spoiled;

    long hashedUpTo() {
        return spoiled ? -1 : hashedUpTo;
    }

    boolean usable() {
        return !spoiled;
    }

    /** Hashes the bytes if they continue the hashed prefix; a write inside the prefix spoils it. */
    void offer(long offset, ByteBuffer data) {
        if (spoiled) {
            return;
        }
        if (offset < hashedUpTo) {
            spoiled = true;
        } else if (offset == hashedUpTo) {
            hashedUpTo += data.remaining();
            md5.update(data);
        }
    }

    void spoil() {
        spoiled = true;
    }

    /** Starts over for an empty file (a truncation to 0). */
    void reset() {
        md5 = newDigest();
        hashedUpTo = 0;
        spoiled = false;
    }

    /** The hex MD5 if the hashed prefix is exactly the file's {@code size} bytes, else null. */
    String md5IfCovers(long size) {
        if (spoiled || hashedUpTo != size) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(((MessageDigest) md5.clone()).digest());
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
