package io.strata.tiering.volume;

import java.io.IOException;
import java.util.Set;

/**
 * A volume for tests of placement logic: an id, a tier, room ({@code null}: its usage cannot be read, like an
 * unmounted NAS) and the blob ids it holds. Reading or writing data is not what such tests ask of it.
 */
public record StubVolume(String id, Tier tier, VolumeUsage space, Set<String> blobs) implements Volume {
    private static final long GIB = 1L << 30;

    public static StubVolume of(String id, Tier tier) {
        return new StubVolume(id, tier, null, Set.of());
    }

    /** A local directory of 100 GiB with {@code freeBytes} free. */
    public static StubVolume local(String id, Tier tier, long freeBytes) {
        return new StubVolume(id, tier, new VolumeUsage(100 * GIB, freeBytes), Set.of());
    }

    /** A cloud bucket: no capacity, 5 GiB used. */
    public static StubVolume cloud(String id) {
        return new StubVolume(id, Tier.CLOUD, VolumeUsage.unbounded(5 * GIB), Set.of());
    }

    public static StubVolume holding(String id, Tier tier, Set<String> blobIds) {
        return new StubVolume(id, tier, null, blobIds);
    }

    @Override
    public VolumeUsage usage() throws IOException {
        if (space == null) {
            throw new IOException("usage of " + id + " cannot be read");
        }
        return space;
    }

    @Override
    public boolean exists(String blobId) {
        return blobs.contains(blobId);
    }

    @Override
    public BlobWriter create(String blobId) {
        throw new UnsupportedOperationException("a stub volume holds no data");
    }

    @Override
    public BlobReader open(String blobId) {
        throw new UnsupportedOperationException("a stub volume holds no data");
    }

    @Override
    public void delete(String blobId) {
        throw new UnsupportedOperationException("a stub volume holds no data");
    }
}
