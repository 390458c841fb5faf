package io.strata.tiering.volume;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Random-access reader of one blob. */
public interface BlobReader extends Closeable {
    long size() throws IOException;

    /** Reads into {@code dst} from {@code position}; -1 at end of blob. */
    int read(ByteBuffer dst, long position) throws IOException;

    /**
     * The blob as a local file channel, for zero-copy sends, or null if the volume is not local. Ownership of the
     * channel passes to the caller, who must close it instead of this reader.
     */
    FileChannel takeChannel();
}
