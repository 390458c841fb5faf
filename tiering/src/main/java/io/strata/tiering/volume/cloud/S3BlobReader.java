package io.strata.tiering.volume.cloud;

import io.strata.tiering.volume.BlobReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Random access to an object: each read is one ranged GET of what the caller asked for, so reading a few bytes of
 * a large object never fetches the rest. The size comes from the HEAD that opened it.
 */
final class S3BlobReader implements BlobReader {
    private final S3Volume volume;
    private final String blobId;
    private final long size;

    S3BlobReader(S3Volume volume, String blobId, long size) {
        this.volume = volume;
        this.blobId = blobId;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position >= size) {
            return -1;
        }
        int want = (int) Math.min(dst.remaining(), size - position);
        if (want == 0) {
            return 0;
        }
        byte[] chunk = dst.hasArray() ? null : new byte[want];
        byte[] into = chunk != null ? chunk : dst.array();
        int base = chunk != null ? 0 : dst.arrayOffset() + dst.position();
        int got = 0;
        try (InputStream in = volume.openStream(blobId, position, want)) {
            while (got < want) {
                int n = in.read(into, base + got, want - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
        }
        if (chunk != null) {
            dst.put(chunk, 0, got);
        } else {
            dst.position(dst.position() + got);
        }
        return got == 0 ? -1 : got;
    }

    @Override
    public FileChannel takeChannel() {
        return null;
    }

    @Override
    public void close() {
        // Nothing is held between reads: each is its own request.
    }
}
