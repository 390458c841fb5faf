package io.strata.tiering.store;

import io.strata.meta.model.Bucket;
import io.strata.meta.model.Inode;
import io.strata.tiering.data.ReadSegment;
import java.io.IOException;
import java.util.List;

/**
 * An object opened for reading: the inode as it was when opened, and the requested bytes as segments whose files
 * are already open, so a concurrent replace or delete cannot take them away mid-read.
 *
 * @param bucket   the object's bucket, as looked up to open it (its defaults decide what HEAD shows)
 * @param range    the bytes the segments cover, or null when no body is sent
 */
public record OpenObject(Bucket bucket, Inode inode, ByteRange range, List<ReadSegment> segments)
        implements AutoCloseable {
    @Override
    public void close() {
        closeAll(segments);
    }

    /** Closes the files behind segments (also those of an open that failed half-way). */
    static void closeAll(List<ReadSegment> segments) {
        for (ReadSegment s : segments) {
            if (s instanceof ReadSegment.FileBytes f) {
                try {
                    f.channel().close();
                } catch (IOException ignored) {
                    // closing a read-only channel; nothing to lose
                }
            } else if (s instanceof ReadSegment.Stream r) {
                try {
                    r.in().close();
                } catch (IOException ignored) {
                    // an aborted ranged GET; nothing to lose
                } finally {
                    r.onClose().run();
                }
            }
        }
    }
}
