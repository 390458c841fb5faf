package io.strata.tiering.store;

import io.strata.meta.model.Inode;
import io.strata.tiering.data.ReadSegment;
import java.io.IOException;
import java.util.List;

/**
 * An object opened for reading: the inode as it was when opened, and the requested bytes as segments whose files
 * are already open, so a concurrent replace or delete cannot take them away mid-read.
 *
 * @param range    the bytes the segments cover, or null when no body is sent
 */
public record OpenObject(Inode inode, ByteRange range, List<ReadSegment> segments) implements AutoCloseable {
    @Override
    public void close() {
        for (ReadSegment s : segments) {
            if (s instanceof ReadSegment.FileBytes f) {
                try {
                    f.channel().close();
                } catch (IOException ignored) {
                    // closing a read-only channel; nothing to lose
                }
            }
        }
    }
}
