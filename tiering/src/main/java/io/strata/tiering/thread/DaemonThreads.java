package io.strata.tiering.thread;

import java.util.concurrent.ThreadFactory;

/** Background threads (flushers, timers, movers) that must never keep the JVM alive after the server stops. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Daemon threads, each named {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
