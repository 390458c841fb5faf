package io.strata.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;

/** What a plain TCP socket carries over loopback on this machine: the ceiling for large GETs. */
final class LoopbackLimit {
    private LoopbackLimit() {
    }

    /** MiB/s for {@code totalBytes} sent from one thread to another. */
    static double measure(long totalBytes) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread sender = new Thread(() -> {
                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                    byte[] buf = new byte[256 * 1024];
                    for (long sent = 0; sent < totalBytes; sent += buf.length) {
                        out.write(buf, 0, (int) Math.min(buf.length, totalBytes - sent));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sender.start();
            long start = System.nanoTime();
            try (Socket c = new Socket("127.0.0.1", server.getLocalPort()); InputStream in = c.getInputStream()) {
                byte[] buf = new byte[256 * 1024];
                long got = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    got += n;
                }
                if (got != totalBytes) {
                    throw new IllegalStateException("loopback lost bytes");
                }
            }
            sender.join();
            return totalBytes / (1024.0 * 1024) / ((System.nanoTime() - start) / 1e9);
        }
    }
}
