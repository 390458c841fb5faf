package io.strata.tiering.volume;

import java.io.IOException;

/**
 * A place where data files (blobs) live, each named by an opaque id. The namespace records which volume holds
 * which bytes; a volume knows nothing of paths or keys.
 */
public interface Volume {
    String id();

    Tier tier();

    /** Starts a new blob; its bytes become durable on {@link BlobWriter#commit()}. */
    BlobWriter create(String blobId) throws IOException;

    /**
     * Starts a blob written at random offsets. Volumes that cannot (cloud buckets) refuse, and the caller writes to
     * a volume that can.
     */
    default RandomBlob createRandom(String blobId) throws IOException {
        throw new UnsupportedOperationException("volume " + id() + " takes sequential writes only");
    }

    /** Opens a blob for reading; {@link java.nio.file.NoSuchFileException} if it does not exist. */
    BlobReader open(String blobId) throws IOException;

    /** Deletes a blob; deleting a missing blob is not an error. */
    void delete(String blobId) throws IOException;

    VolumeUsage usage() throws IOException;
}
