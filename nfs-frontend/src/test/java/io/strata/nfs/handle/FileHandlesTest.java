package io.strata.nfs.handle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.vfs.FileId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FileHandlesTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    final FileHandles handles = new FileHandles(KEY);

    @Test
    void aHandleIsDeterministicSmallAndDecodesToItsInode() throws NfsException {
        FileId id = new FileId(123_456_789L, 987_654L);
        byte[] h = handles.encode(id);
        assertTrue(h.length <= 64);
        assertArrayEquals(h, new FileHandles(KEY).encode(id), "same key, same handle: valid across restarts");
        assertEquals(id, handles.decode(h));
    }

    @Test
    void forgedTruncatedOrForeignHandlesAreBadHandles() {
        byte[] h = handles.encode(new FileId(5, 6));
        byte[] forged = h.clone();
        forged[5] ^= 1; // another inode, same signature
        assertEquals(NfsStatus.BADHANDLE, assertThrows(NfsException.class, () -> handles.decode(forged)).status());
        byte[] truncated = Arrays.copyOf(h, h.length - 1);
        assertEquals(NfsStatus.BADHANDLE, assertThrows(NfsException.class, () -> handles.decode(truncated)).status());
        byte[] foreign = new FileHandles("another-server-key-0123456789abc".getBytes()).encode(new FileId(5, 6));
        assertEquals(NfsStatus.BADHANDLE, assertThrows(NfsException.class, () -> handles.decode(foreign)).status());
        assertEquals(NfsStatus.BADHANDLE, assertThrows(NfsException.class, () -> handles.decode(new byte[0])).status());
    }
}
