package io.strata.tiering.volume;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A volume in a local directory (an NVMe disk, or a mounted NAS). Blobs sit in 4096 fan-out directories,
 * created once up front so that committing a blob only needs to sync the blob and its one directory.
 */
public final class LocalVolume implements Volume {
    private static final Logger LOG = LoggerFactory.getLogger(LocalVolume.class);
    private static final int FANOUT = 4096;

    private final String id;
    private final Tier tier;
    private final Path root;
    /** Found once: the JDK looks the mount up in /proc/self/mounts on every getFileStore, and FSSTAT is frequent. */
    private final FileStore store;
    private final long maxFileSize;

    public LocalVolume(String id, Tier tier, Path directory) {
        this.id = id;
        this.tier = tier;
        this.root = directory.resolve("blobs");
        try {
            Files.createDirectories(root);
            for (int i = 0; i < FANOUT; i++) {
                Files.createDirectories(root.resolve(String.format("%03x", i)));
            }
            syncDirectory(root);
            syncDirectory(directory);
            store = Files.getFileStore(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare volume " + id + " at " + directory, e);
        }
        maxFileSize = probeMaxFileSize(directory);
    }

    /**
     * The largest file the directory's file system holds (ext4: 16 TiB; XFS and btrfs: 8 EiB). Files written at
     * random offsets keep their offsets in the blob, so a write beyond this fails; NFS must say FBIG up front, not
     * EIO after. Java has no call for the limit: this grows an empty scratch file with ftruncate, which allocates
     * nothing (so a full disk cannot mislead it), and keeps the largest size the file system accepted.
     */
    static long probeMaxFileSize(Path directory) {
        Path probe = null;
        try {
            probe = Files.createTempFile(directory, ".size-probe-", "");
            try (RandomAccessFile file = new RandomAccessFile(probe.toFile(), "rw")) {
                if (grows(file, Long.MAX_VALUE)) {
                    return Long.MAX_VALUE;
                }
                if (!grows(file, 1L << 30)) {
                    throw new IOException("cannot even grow a file to 1 GiB");
                }
                long fits = 1L << 30;
                long fails = Long.MAX_VALUE;
                while (fails - fits > 1) {
                    long mid = fits + (fails - fits) / 2;
                    if (grows(file, mid)) {
                        fits = mid;
                    } else {
                        fails = mid;
                    }
                }
                return fits;
            }
        } catch (IOException e) {
            LOG.warn("cannot find the largest file size in {} ({}); assuming no limit", directory, e.toString());
            return Long.MAX_VALUE;
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}", probe, e);
                }
            }
        }
    }

    private static boolean grows(RandomAccessFile file, long size) {
        try {
            file.setLength(size);
            file.setLength(0);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public long maxFileSize() {
        return maxFileSize;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Tier tier() {
        return tier;
    }

    Path path(String blobId) {
        if (blobId.length() < 3 || blobId.contains("/") || blobId.contains("..")) {
            throw new IllegalArgumentException("bad blob id " + blobId);
        }
        return root.resolve(blobId.substring(0, 3)).resolve(blobId);
    }

    @Override
    public BlobWriter create(String blobId) throws IOException {
        Path path = path(blobId);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new LocalWriter(path, ch);
    }

    @Override
    public RandomBlob createRandom(String blobId) throws IOException {
        Path path = path(blobId);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.SPARSE);
        return new LocalRandomBlob(path, ch);
    }

    @Override
    public BlobReader open(String blobId) throws IOException {
        return new LocalReader(FileChannel.open(path(blobId), StandardOpenOption.READ));
    }

    @Override
    public boolean exists(String blobId) {
        return Files.exists(path(blobId));
    }

    @Override
    public void delete(String blobId) throws IOException {
        Files.deleteIfExists(path(blobId));
    }

    @Override
    public VolumeUsage usage() throws IOException {
        return new VolumeUsage(store.getTotalSpace(), store.getUsableSpace());
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** A blob written at any offset (NFS writes), flushed early as it grows ({@link EarlyWriteback}). */
    private static final class LocalRandomBlob implements RandomBlob {
        private final Path path;
        private final FileChannel ch;
        private final EarlyWriteback writeback;
        private boolean entrySynced;

        LocalRandomBlob(Path path, FileChannel ch) {
            this.path = path;
            this.ch = ch;
            this.writeback = new EarlyWriteback(path, ch);
        }

        @Override
        public void write(ByteBuffer data, long position) throws IOException {
            long pos = position;
            while (data.hasRemaining()) {
                pos += ch.write(data, pos);
            }
            writeback.wrote(pos - position);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return ch.read(dst, position);
        }

        @Override
        public void sync() throws IOException {
            ch.force(true);
            if (!entrySynced) {
                syncDirectory(path.getParent());
                entrySynced = true;
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    /** A blob being written sequentially (an S3 PUT or part), flushed early as it grows ({@link EarlyWriteback}). */
    private static final class LocalWriter implements BlobWriter {
        private final Path path;
        private final FileChannel ch;
        private final EarlyWriteback writeback;
        private long written;

        LocalWriter(Path path, FileChannel ch) {
            this.path = path;
            this.ch = ch;
            this.writeback = new EarlyWriteback(path, ch);
        }

        @Override
        public void write(ByteBuffer data) throws IOException {
            int n = data.remaining();
            while (data.hasRemaining()) {
                ch.write(data);
            }
            written += n;
            writeback.wrote(n);
        }

        @Override
        public long written() {
            return written;
        }

        @Override
        public void commit() throws IOException {
            try (ch) {
                ch.force(true);
            }
            syncDirectory(path.getParent());
        }

        @Override
        public void abort() {
            try {
                ch.close();
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // The ledger still lists the blob; the reclaimer retries the delete.
            }
        }
    }

    private static final class LocalReader implements BlobReader {
        private FileChannel ch;

        LocalReader(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return ch.read(dst, position);
        }

        @Override
        public FileChannel takeChannel() {
            FileChannel out = ch;
            ch = null;
            return out;
        }

        @Override
        public void close() throws IOException {
            if (ch != null) {
                ch.close();
            }
        }
    }
}
