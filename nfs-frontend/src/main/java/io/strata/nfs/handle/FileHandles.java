package io.strata.nfs.handle;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.vfs.FileId;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NFS file handles: 32 bytes, deterministic for an inode, valid across restarts.
 * <pre>
 *   0      version (1)
 *   1..3   zero
 *   4..11  inode id
 *   12..19 generation
 *   20..31 first 12 bytes of HMAC-SHA256(key, bytes 0..19)
 * </pre>
 * The MAC makes a forged or foreign handle BADHANDLE instead of a guess at someone else's inode; the generation
 * makes a handle to a removed file STALE even if its id were reused. Exports need no id of their own: every
 * export is a directory of the one namespace.
 */
public final class FileHandles {
    public static final int LENGTH = 32;
    private static final byte VERSION = 1;
    private static final int SIGNED = 20;

    private final ThreadLocal<Mac> macs;

    public FileHandles(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("handle key too short");
        }
        byte[] k = key.clone();
        macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(k, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public byte[] encode(FileId id) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(VERSION).put((byte) 0).put((byte) 0).put((byte) 0);
        b.putLong(id.inode()).putLong(id.generation());
        b.put(mac(b.array()), 0, LENGTH - SIGNED);
        return b.array();
    }

    public FileId decode(byte[] handle) throws NfsException {
        if (handle.length != LENGTH || handle[0] != VERSION) {
            throw new NfsException(NfsStatus.BADHANDLE, "not a handle of this server");
        }
        byte[] expected = mac(handle);
        byte[] got = java.util.Arrays.copyOfRange(handle, SIGNED, LENGTH);
        if (!MessageDigest.isEqual(java.util.Arrays.copyOf(expected, LENGTH - SIGNED), got)) {
            throw new NfsException(NfsStatus.BADHANDLE, "handle signature does not match");
        }
        ByteBuffer b = ByteBuffer.wrap(handle, 4, 16);
        return new FileId(b.getLong(), b.getLong());
    }

    private byte[] mac(byte[] handle) {
        Mac mac = macs.get();
        mac.update(handle, 0, SIGNED);
        return mac.doFinal();
    }
}
