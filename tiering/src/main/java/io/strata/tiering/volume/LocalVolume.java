package io.strata.tiering.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A volume in a local directory (an NVMe disk, or a mounted NAS). Blobs sit in 4096 fan-out directories,
 * created once up front so that committing a blob only needs to sync the blob and its one directory.
 */
public final class LocalVolume implements Volume {
    private static final int FANOUT = 4096;

    private final String id;
    private final Tier tier;
    private final Path root;

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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare volume " + id + " at " + directory, e);
        }
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
        FileStore store = Files.getFileStore(root);
        return new VolumeUsage(store.getTotalSpace(), store.getUsableSpace());
    }

    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static final class LocalRandomBlob implements RandomBlob {
        private final Path path;
        private final FileChannel ch;
        private boolean entrySynced;

        LocalRandomBlob(Path path, FileChannel ch) {
            this.path = path;
            this.ch = ch;
        }

        @Override
        public void write(ByteBuffer data, long position) throws IOException {
            long pos = position;
            while (data.hasRemaining()) {
                pos += ch.write(data, pos);
            }
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

    private static final class LocalWriter implements BlobWriter {
        private final Path path;
        private final FileChannel ch;
        private long written;

        LocalWriter(Path path, FileChannel ch) {
            this.path = path;
            this.ch = ch;
        }

        @Override
        public void write(ByteBuffer data) throws IOException {
            while (data.hasRemaining()) {
                written += ch.write(data);
            }
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
