package io.strata.tiering.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** The additional checksums S3 clients may send and ask for: name, header, digest width. */
public enum ChecksumAlgorithm {
    CRC32(4, java.util.zip.CRC32::new),
    CRC32C(4, java.util.zip.CRC32C::new),
    CRC64NVME(8, Crc64Nvme::new),
    SHA1(0, null),
    SHA256(0, null);

    private final int crcBytes;
    private final Supplier<Checksum> crc;

    ChecksumAlgorithm(int crcBytes, Supplier<Checksum> crc) {
        this.crcBytes = crcBytes;
        this.crc = crc;
    }

    /** The request and response header carrying this checksum, e.g. {@code x-amz-checksum-crc32c}. */
    public String header() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    public static ChecksumAlgorithm parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public RunningChecksum start() {
        if (crc != null) {
            return new CrcRunning(crc.get(), crcBytes);
        }
        return new DigestRunning(digest(this == SHA1 ? "SHA-1" : "SHA-256"));
    }

    static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " missing from the JDK", e);
        }
    }

    private record CrcRunning(Checksum checksum, int width) implements RunningChecksum {
        @Override
        public void update(ByteBuffer data) {
            checksum.update(data);
        }

        @Override
        public byte[] finish() {
            long v = checksum.getValue();
            byte[] out = new byte[width];
            for (int i = 0; i < width; i++) {
                out[i] = (byte) (v >>> (8 * (width - 1 - i)));
            }
            return out;
        }
    }

    private record DigestRunning(MessageDigest md) implements RunningChecksum {
        @Override
        public void update(ByteBuffer data) {
            md.update(data);
        }

        @Override
        public byte[] finish() {
            return md.digest();
        }
    }
}
