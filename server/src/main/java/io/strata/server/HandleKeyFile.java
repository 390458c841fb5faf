package io.strata.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The secret that signs NFS file handles, kept in the data directory: handles stay valid across restarts (a
 * mounted client carries on) and a handle forged or minted by another server is refused.
 */
final class HandleKeyFile {
    static final String NAME = "nfs-handle.key";
    private static final int BYTES = 32;

    private HandleKeyFile() {
    }

    static byte[] loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(NAME);
        if (Files.exists(file)) {
            byte[] key = Files.readAllBytes(file);
            if (key.length != BYTES) {
                throw new IOException(file + " is damaged (" + key.length + " bytes, expected " + BYTES + ")");
            }
            return key;
        }
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        Path tmp = dataDir.resolve(NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(key));
            ch.force(true);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dataDir, StandardOpenOption.READ)) {
            d.force(true);
        }
        return key;
    }
}
