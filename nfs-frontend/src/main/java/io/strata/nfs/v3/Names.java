package io.strata.nfs.v3;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * File names from the wire, checked in one place. A name must be a valid S3 key segment: UTF-8, no NUL, no '/',
 * at most 255 bytes; "." and ".." are answered the way Linux's NFS server answers them.
 */
public final class Names {
    public static final int MAX_BYTES = 255;

    private Names() {
    }

    /** A name to look up; "." and ".." are allowed (LOOKUP resolves them). */
    public static String lookup(byte[] raw) throws NfsException {
        if (raw.length == 0) {
            throw new NfsException(NfsStatus.NOENT, "empty name");
        }
        return decode(raw);
    }

    /** A name to create: "." and ".." exist already. */
    public static String create(byte[] raw) throws NfsException {
        String name = plain(raw);
        if (name.equals(".") || name.equals("..")) {
            throw new NfsException(NfsStatus.EXIST, name + " exists");
        }
        return name;
    }

    /** A name to remove: "." is invalid, ".." is never empty. */
    public static String remove(byte[] raw) throws NfsException {
        String name = plain(raw);
        if (name.equals(".")) {
            throw new NfsException(NfsStatus.INVAL, "cannot remove .");
        }
        if (name.equals("..")) {
            throw new NfsException(NfsStatus.NOTEMPTY, "cannot remove ..");
        }
        return name;
    }

    /** A rename source or target. */
    public static String rename(byte[] raw) throws NfsException {
        String name = plain(raw);
        if (name.equals(".") || name.equals("..")) {
            throw new NfsException(NfsStatus.INVAL, "cannot rename . or ..");
        }
        return name;
    }

    private static String plain(byte[] raw) throws NfsException {
        if (raw.length == 0) {
            throw new NfsException(NfsStatus.INVAL, "empty name");
        }
        return decode(raw);
    }

    private static String decode(byte[] raw) throws NfsException {
        if (raw.length > MAX_BYTES) {
            throw new NfsException(NfsStatus.NAMETOOLONG, "name of " + raw.length + " bytes");
        }
        for (byte b : raw) {
            if (b == 0 || b == '/') {
                throw new NfsException(NfsStatus.INVAL, "name contains NUL or '/'");
            }
        }
        String name = utf8(raw);
        if (name == null) {
            throw new NfsException(NfsStatus.INVAL, "name is not UTF-8 (it must also be an S3 key)");
        }
        return name;
    }

    /** The bytes as strict UTF-8 (no malformed or unmappable sequences), or null when they are not. */
    public static String utf8(byte[] raw) {
        if (isAscii(raw)) {
            // Most names are ASCII, which is UTF-8 as it stands: no decoder to make for each call.
            return new String(raw, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
