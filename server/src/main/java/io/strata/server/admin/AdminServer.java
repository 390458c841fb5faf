package io.strata.server.admin;

import io.strata.tiering.control.TieringControl;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The admin API over HTTP: one Undertow listener in front of {@link AdminRouter}. Requests run on Undertow's worker
 * threads, never its I/O thread, because the tiering calls behind them block (metadata transactions, dry runs that
 * walk the namespace).
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

    static {
        // Undertow and XNIO log through jboss-logging, which picks java.util.logging unless told: send their lines
        // to SLF4J like the rest of the server's, in the same format and under the same levels.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private final String bindAddress;
    private final int requestedPort;
    private final AdminRouter router;
    private Undertow undertow;
    private int port = -1;

    /**
     * @param port    0 picks any free port; {@link #port()} tells which after {@link #start()}
     * @param metrics Prometheus text for {@code /metrics}; null answers 404 there
     * @param info    what {@code /api/v1/info} reports, asked on each request
     */
    public AdminServer(String bindAddress, int port, String rootUser, String rootPassword, TieringControl tiering,
                       Supplier<String> metrics, Supplier<ServerInfo> info) {
        this(bindAddress, port, new AdminRouter(rootUser, rootPassword, tiering, metrics, info));
    }

    AdminServer(String bindAddress, int port, AdminRouter router) {
        this.bindAddress = bindAddress;
        this.requestedPort = port;
        this.router = router;
    }

    /** @throws BindException when the port is taken (the caller tells the user which flag changes it) */
    public synchronized void start() throws IOException {
        if (undertow != null) {
            throw new IllegalStateException("already started");
        }
        Undertow u = Undertow.builder()
                .addHttpListener(requestedPort, bindAddress)
                // admin traffic is a trickle; do not take a thread per core from the data path
                .setIoThreads(1)
                .setWorkerThreads(4)
                // the router decodes each path segment itself, so %2F inside a name stays inside it
                .setServerOption(UndertowOptions.DECODE_URL, false)
                // no Undertow limit (its default is 2 MiB): the adapter reads at most MAX_BODY + 1 bytes itself and
                // answers 413, where Undertow would drop a chunked request's connection without an answer
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 0L)
                .setHandler(new Adapter(router))
                .build();
        try {
            u.start();
        } catch (RuntimeException e) {
            u.stop();
            BindException bind = bindCause(e);
            if (bind != null) {
                throw bind;
            }
            throw e;
        }
        undertow = u;
        port = ((InetSocketAddress) u.getListenerInfo().get(0).getAddress()).getPort();
        LOG.info("admin API listening on {}:{}", bindAddress, port);
    }

    /** The port listened on; valid after {@link #start()}. */
    public synchronized int port() {
        if (undertow == null) {
            throw new IllegalStateException("not started");
        }
        return port;
    }

    @Override
    public synchronized void close() {
        if (undertow != null) {
            undertow.stop();
            undertow = null;
        }
    }

    private static BindException bindCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BindException b) {
                return b;
            }
        }
        return null;
    }

    /** Copies an Undertow exchange into an {@link AdminRequest} and the router's answer back out. */
    static final class Adapter implements HttpHandler {
        private final AdminRouter router;

        Adapter(AdminRouter router) {
            this.router = router;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            exchange.startBlocking();
            AdminResponse response;
            byte[] body;
            String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            try {
                if (!router.admits(exchange.getRequestPath(), authorization)) {
                    // A caller without credentials gets its 401 before a byte of its body is read, and the
                    // connection closes after it, so an unauthenticated client cannot make the server buffer.
                    body = new byte[0];
                    exchange.setPersistent(false);
                } else {
                    // one byte past the limit tells the router "too large" without reading the rest
                    body = readBounded(exchange, AdminRouter.MAX_BODY + 1);
                }
            } catch (IOException e) {
                // usually the client is gone and nobody reads this; a broken chunked encoding gets an answer
                LOG.debug("admin API: reading the request body failed", e);
                exchange.setPersistent(false);
                try {
                    send(exchange, AdminResponse.error(400, "InvalidField", "(body)", "could not be read"));
                } catch (IOException gone) {
                    exchange.endExchange();
                }
                return;
            }
            if (body.length > AdminRouter.MAX_BODY) {
                // the rest of the body is never read: closing after the answer keeps Undertow from draining it
                exchange.setPersistent(false);
            }
            try {
                response = router.handle(new AdminRequest(exchange.getRequestMethod().toString(),
                        exchange.getRequestPath(), AdminRequest.parseQuery(exchange.getQueryString()), body,
                        authorization));
            } catch (AdminRequest.BadEncodingException e) {
                response = AdminResponse.error(400, "InvalidField", "(query)", e.getMessage());
            }
            send(exchange, response);
        }

        private static byte[] readBounded(HttpServerExchange exchange, int limit) throws IOException {
            InputStream in = exchange.getInputStream();
            return in.readNBytes(limit);
        }

        private static void send(HttpServerExchange exchange, AdminResponse r) throws IOException {
            exchange.setStatusCode(r.status());
            if (r.contentType() != null) {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, r.contentType());
            }
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                exchange.getResponseHeaders().put(HttpString.tryFromString(h.getKey()), h.getValue());
            }
            if (r.status() != 204) {
                exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, r.body().length);
                try (OutputStream out = exchange.getOutputStream()) {
                    out.write(r.body());
                }
            }
            exchange.endExchange();
        }
    }
}
