package io.strata.tiering.volume;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Sequential writer of a new blob. Either {@link #commit()} or {@link #abort()} ends it. */
public interface BlobWriter {
    /** Writes all remaining bytes of the buffer. */
    void write(ByteBuffer data) throws IOException;

    long written();

    /** Makes the blob durable (data and its directory entry synced) and closes it. */
    void commit() throws IOException;

    /** Closes and deletes the partial blob. Never throws. */
    void abort();
}
