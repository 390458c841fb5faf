package io.strata.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Free loopback ports for test nodes, so parallel test JVMs never join each other's grid. */
public final class TestPorts {
    private TestPorts() {
    }

    /** Ports {@link #free} handed out, never handed out again by this JVM. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A port free right now, and not one handed out before: a node's ports are picked together and bound later. */
    public static int free() {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static MetaConfig metaConfig(java.nio.file.Path dir) {
        return MetaConfig.forTests(dir, free(), free());
    }
}
