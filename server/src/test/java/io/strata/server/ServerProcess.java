package io.strata.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** A packaged server running as its own OS process in a test, with its output captured to files. */
record ServerProcess(Process process, String endpoint, File out, File err) {

    int port() {
        return URI.create(endpoint).getPort();
    }

    String stdout() throws IOException {
        return Proc.read(out);
    }

    String stderr() throws IOException {
        return Proc.read(err);
    }

    /** Sends SIGTERM and waits for the exit status. */
    int stop() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("no exit within 60 s of SIGTERM\n" + describe());
        }
        return process.exitValue();
    }

    String describe() throws IOException {
        return "--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
    }
}
