package io.strata.tiering.volume;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

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

    /**
     * Starts a new blob that carries {@code metadata} where the volume can keep it (a cloud volume stores it as
     * {@code x-amz-meta-*}, so its copy stays usable on its own); local volumes ignore it.
     */
    default BlobWriter create(String blobId, Map<String, String> metadata) throws IOException {
        return create(blobId);
    }

    /** Whether a blob with this id exists (a cloud volume picks readable blob ids and must not overwrite one). */
    boolean exists(String blobId) throws IOException;

    /** Opens a blob for reading; {@link java.nio.file.NoSuchFileException} if it does not exist. */
    BlobReader open(String blobId) throws IOException;

    /**
     * Streams {@code length} bytes of a blob from {@code offset}; for cloud volumes one ranged GET, so a range read
     * never recalls the whole blob. {@link java.nio.file.NoSuchFileException} if it does not exist. Only volumes
     * that are not {@link #isLocal() local} are read this way; local ones hand out their file channels.
     */
    default InputStream openStream(String blobId, long offset, long length) throws IOException {
        throw new UnsupportedOperationException("volume " + id() + " is local: read it through its file channel");
    }

    /** Whether bytes are read through local file channels (zero-copy sends, cached channels). */
    default boolean isLocal() {
        return true;
    }

    /** Deletes a blob; deleting a missing blob is not an error. */
    void delete(String blobId) throws IOException;

    VolumeUsage usage() throws IOException;

    /** The largest file size this volume's random-offset blobs can reach ({@link #createRandom}). */
    default long maxFileSize() {
        return Long.MAX_VALUE;
    }
}
