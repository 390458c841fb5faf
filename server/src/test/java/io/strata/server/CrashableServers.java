package io.strata.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Packaged servers (each a process of its own, so a test can {@code kill -9} it) started by one test, with the same
 * credentials and flags each time; any still running when the test ends is killed, so that a failed test leaves no
 * server holding its ports. Register with {@code @RegisterExtension}.
 */
final class CrashableServers implements AfterEachCallback {
    private final String user;
    private final String secret;
    private final List<String> flags;
    private final List<Process> started = new ArrayList<>();

    /** @param flags more {@code serve} flags for every server started */
    CrashableServers(String user, String secret, List<String> flags) {
        this.user = user;
        this.secret = secret;
        this.flags = List.copyOf(flags);
    }

    /** Starts a server on the data directory and ports (see {@link PackagedServers#start}) and waits for it. */
    ServerProcess start(Path data, int[] ports, Path tmp) throws Exception {
        ServerProcess p = PackagedServers.start(data, ports, user, secret, tmp, flags);
        started.add(p.process());
        return p;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(Process::destroyForcibly);
        started.clear();
    }
}
