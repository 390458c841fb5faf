package io.strata.tiering.volume;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A blob written at any offset (NFS writes), sparse where nothing was written. Bytes sit at the file offsets they
 * were written for, so an extent maps file offset {@code x} to blob offset {@code x}.
 */
public interface RandomBlob extends AutoCloseable {
    void write(ByteBuffer data, long position) throws IOException;

    /** Reads into {@code dst} from {@code position}; -1 at the end. */
    int read(ByteBuffer dst, long position) throws IOException;

    /** Makes everything written so far durable, including the blob's directory entry. */
    void sync() throws IOException;

    @Override
    void close() throws IOException;
}
