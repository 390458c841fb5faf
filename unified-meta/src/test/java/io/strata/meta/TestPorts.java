package io.strata.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free loopback ports for test nodes, so parallel test JVMs never join each other's grid. */
public final class TestPorts {
    private TestPorts() {
    }

    public static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MetaConfig metaConfig(java.nio.file.Path dir) {
        return MetaConfig.forTests(dir, free(), free());
    }
}
