package io.strata.tiering.data;

import io.strata.meta.model.BlobRef;
import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.VolumeRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.io.InputStream;
import io.strata.tiering.volume.Volume;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Open read channels of recently read blobs, shared by threads (positional reads need no lock). File clients read
 * a file in many small requests; opening and closing its data file for each one cost more than the read. A
 * reclaimed blob's cached channel only pins its disk space until evicted: nothing reads it, because no inode
 * names it any more.
 */
public final class BlobChannels implements AutoCloseable {
    private final VolumeRegistry volumes;
    private final int capacity;
    private final LinkedHashMap<BlobRef, FileChannel> open = new LinkedHashMap<>(64, 0.75f, true);

    public BlobChannels(VolumeRegistry volumes, int capacity) {
        this.volumes = volumes;
        this.capacity = capacity;
    }

    /** Fills {@code dst} from {@code position} of the blob; returns bytes read (fewer only at its end). */
    public int read(BlobRef blob, ByteBuffer dst, long position) throws IOException {
        Volume volume = volumes.require(blob.volumeId());
        if (!volume.isLocal()) {
            return readRemote(volume, blob, dst, position);
        }
        int start = dst.position();
        for (int attempt = 1; ; attempt++) {
            FileChannel ch = channel(blob);
            dst.position(start); // a retry starts over, in the buffer as in the file
            try {
                int total = 0;
                while (dst.hasRemaining()) {
                    int n = ch.read(dst, position + total);
                    if (n < 0) {
                        break;
                    }
                    total += n;
                }
                return total;
            } catch (ClosedChannelException e) {
                if (attempt >= 3) {
                    throw e; // evicted under us repeatedly: give up rather than spin
                }
            }
        }
    }

    /** One ranged GET per read: an NFS READ of a cloud-resident file never recalls the whole file. */
    private static int readRemote(Volume volume, BlobRef blob, ByteBuffer dst, long position) throws IOException {
        int total = 0;
        try (InputStream in = volume.openStream(blob.blobId(), position, dst.remaining())) {
            byte[] chunk = new byte[Math.min(dst.remaining(), 256 * 1024)];
            while (dst.hasRemaining()) {
                int n = in.read(chunk, 0, Math.min(chunk.length, dst.remaining()));
                if (n < 0) {
                    break;
                }
                dst.put(chunk, 0, n);
                total += n;
            }
        }
        return total;
    }

    private FileChannel channel(BlobRef blob) throws IOException {
        synchronized (open) {
            FileChannel ch = open.get(blob);
            if (ch != null && ch.isOpen()) {
                return ch;
            }
        }
        FileChannel fresh;
        try (BlobReader reader = volumes.require(blob.volumeId()).open(blob.blobId())) {
            fresh = reader.takeChannel();
        }
        if (fresh == null) {
            throw new IOException("volume " + blob.volumeId() + " is not local");
        }
        synchronized (open) {
            FileChannel raced = open.putIfAbsent(blob, fresh);
            if (raced != null && raced.isOpen()) {
                fresh.close();
                return raced;
            }
            open.put(blob, fresh);
            evictBeyondCapacity();
            return fresh;
        }
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<BlobRef, FileChannel>> it = open.entrySet().iterator();
        while (open.size() > capacity && it.hasNext()) {
            closeQuietly(it.next().getValue());
            it.remove();
        }
    }

    @Override
    public void close() {
        synchronized (open) {
            open.values().forEach(BlobChannels::closeQuietly);
            open.clear();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a read-only channel cannot lose data
        }
    }
}
