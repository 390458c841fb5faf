package io.strata.meta;

import java.nio.file.Path;

/**
 * How the embedded Ignite node runs. Defaults live in the server's config table; tests shrink the WAL.
 *
 * @param directory        where Ignite keeps its persistence, WAL and binary metadata
 * @param nodeName         the node's fixed consistent id, so a restart finds its own data
 * @param discoveryPort    loopback port for Ignite discovery; the node only looks for itself there
 * @param communicationPort loopback port for Ignite communication
 * @param walFsync         true: FSYNC mode (a commit survives power loss); false: LOG_ONLY (survives kill -9)
 * @param walSegmentBytes  size of one WAL segment
 * @param walSegments      number of WAL segments preallocated
 * @param maxMemoryBytes   off-heap page memory for the metadata region
 */
public record MetaConfig(Path directory, String nodeName, int discoveryPort, int communicationPort, boolean walFsync,
                         long walSegmentBytes, int walSegments, long maxMemoryBytes) {

    /** Small settings for tests: quick start, little disk. */
    public static MetaConfig forTests(Path directory, int discoveryPort, int communicationPort) {
        return new MetaConfig(directory, "strata-test", discoveryPort, communicationPort, false,
                4L << 20, 4, 256L << 20);
    }
}
