package io.strata.tiering.volume;

import io.strata.meta.model.BlobRef;
import io.strata.meta.ns.InlineTable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;

/**
 * The bytes of small objects, kept in the namespace (see {@link InlineTable}). They enter only through the
 * transaction that publishes an object, never through a writer; reads and reclaim work as for any volume.
 */
public final class InlineVolume implements Volume {
    private final InlineTable table;

    public InlineVolume(InlineTable table) {
        this.table = table;
    }

    @Override
    public String id() {
        return BlobRef.INLINE_VOLUME;
    }

    @Override
    public Tier tier() {
        return Tier.METADATA;
    }

    @Override
    public BlobWriter create(String blobId) {
        throw new UnsupportedOperationException("inline bytes are stored by the publishing transaction");
    }

    @Override
    public boolean exists(String blobId) {
        return table.get(blobId) != null;
    }

    @Override
    public BlobReader open(String blobId) throws IOException {
        byte[] bytes = table.get(blobId);
        if (bytes == null) {
            throw new NoSuchFileException("inline:" + blobId);
        }
        return new BlobReader() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public int read(ByteBuffer dst, long position) {
                if (position >= bytes.length) {
                    return -1;
                }
                int n = (int) Math.min(dst.remaining(), bytes.length - position);
                dst.put(bytes, (int) position, n);
                return n;
            }

            @Override
            public FileChannel takeChannel() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void delete(String blobId) {
        table.remove(blobId);
    }

    @Override
    public VolumeUsage usage() {
        return new VolumeUsage(0, 0);
    }
}
