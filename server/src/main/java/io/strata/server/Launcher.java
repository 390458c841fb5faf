package io.strata.server;

import io.strata.server.cli.AdminCli;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code strata serve [flags]}, {@code strata admin <command>}, {@code strata version}, {@code strata --help}.
 * Serving prints where to reach the server and blocks until SIGTERM/SIGINT, when a shutdown hook stops the server
 * in order: the S3 API stops accepting and finishes in-flight requests, then the metadata store closes cleanly.
 */
public final class Launcher {
    /** Exit status for a bad command line. */
    public static final int EXIT_USAGE = 2;
    /** Exit status when the server could not start (a port in use, an unwritable data directory). */
    public static final int EXIT_START_FAILED = 1;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    Launcher(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // Our hook closes Ignite after the S3 API has drained; Ignite's own hook would race it.
        if (System.getProperty("IGNITE_NO_SHUTDOWN_HOOK") == null) {
            System.setProperty("IGNITE_NO_SHUTDOWN_HOOK", "true");
        }
        PrintStream out = IgniteConsoleFilter.install();
        int status = new Launcher(System.getenv(), out, System.err).run(List.of(args));
        out.flush();
        System.exit(status);
    }

    /** Runs a command; for {@code serve} returns only once the server has been stopped. */
    int run(List<String> args) {
        if (args.isEmpty()) {
            usage(err);
            return EXIT_USAGE;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (command) {
            case "-h", "--help", "help" -> {
                usage(out);
                return 0;
            }
            case "version", "--version" -> {
                out.println("strata " + version());
                return 0;
            }
            case "admin" -> {
                return AdminCli.run(rest, env, out, err);
            }
            case "serve" -> {
                if (rest.contains("--help") || rest.contains("-h")) {
                    serveHelp(out);
                    return 0;
                }
                return serve(rest);
            }
            default -> {
                err.println("strata: unknown command '" + command + "' (commands: serve, admin, version; try --help)");
                return EXIT_USAGE;
            }
        }
    }

    private int serve(List<String> flags) {
        StrataConfig config;
        try {
            config = StrataConfig.parse(flags, env);
        } catch (ConfigException e) {
            err.println("strata: " + e.getMessage());
            return EXIT_USAGE;
        }
        StrataServer server = new StrataServer(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err.println("strata: stopping (finishing in-flight requests, then closing the metadata store)");
            server.close();
            err.println("strata: stopped");
            err.flush();
            stopped.countDown();
        }, "strata-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        try {
            server.start();
        } catch (StartupException | RuntimeException | InterruptedException e) {
            // start() has stopped whatever had started; no "stopping" lines after the one that says why.
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // a signal came during start: the hook runs anyway and closes nothing twice
            }
            if (e instanceof StartupException) {
                err.println("strata: " + e.getMessage());
            } else if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                err.println("strata: interrupted while starting");
            } else {
                err.println("strata: could not start: " + rootMessage(e));
                e.printStackTrace(err);
            }
            return EXIT_START_FAILED;
        }
        banner(server, (System.nanoTime() - started) / 1_000_000);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void banner(StrataServer server, long millis) {
        StrataConfig c = server.config();
        String host = urlHost(c.bindAddress());
        String url = "http://" + host + ":" + server.s3Port();
        String styles = c.virtualHostDomains().isEmpty() ? "path-style only"
                : "path-style and virtual-host " + String.join(", ",
                        c.virtualHostDomains().stream().map(d -> "*." + d).toList());
        boolean defaultSecret = c.origin(ConfigKeys.ROOT_PASSWORD) == StrataConfig.Origin.DEFAULT;
        String secretFrom = switch (c.origin(ConfigKeys.ROOT_PASSWORD)) {
            case ENV -> "from env " + ConfigKeys.ROOT_PASSWORD.env();
            case FLAG -> "from " + ConfigKeys.ROOT_PASSWORD.flag();
            case DEFAULT -> "the documented default '" + ConfigKeys.DEFAULT_ROOT_PASSWORD + "' (set "
                    + ConfigKeys.ROOT_PASSWORD.env() + " to choose your own)";
        };
        String userFrom = switch (c.origin(ConfigKeys.ROOT_USER)) {
            case ENV -> " (from env " + ConfigKeys.ROOT_USER.env() + ")";
            case FLAG -> " (from " + ConfigKeys.ROOT_USER.flag() + ")";
            case DEFAULT -> " (default; env " + ConfigKeys.ROOT_USER.env() + " changes it)";
        };
        out.println("Strata " + version() + " is up (" + millis + " ms)");
        out.println("  S3 API       " + url + "  (" + styles + ")");
        if (!host.equals(c.bindAddress())) {
            out.println("               listening on " + c.bindAddress() + ":" + server.s3Port()
                    + (isWildcard(c.bindAddress()) ? " (all interfaces)" : ""));
        }
        out.println("  NFS          " + host + ":" + server.nfsPort()
                + " (NFSv3 with MOUNT, and NFSv4.1/4.2, on this port; exports / and /<bucket>)");
        out.println("               mount -t nfs -o vers=4.2,port=" + server.nfsPort() + " " + host + ":/demo /mnt"
                + (c.nfsRootSquash() ? "  (root squashed)" : ""));
        out.println("               mount -t nfs -o vers=3,proto=tcp,port=" + server.nfsPort() + ",mountport="
                + server.nfsPort() + ",nolock " + host + ":/demo /mnt");
        String admin = "http://" + host + ":" + server.adminPort();
        out.println("  Admin API    " + admin + "/api/v1  (HTTP Basic with the credentials below; "
                + admin + "/openapi.json)");
        out.println("               ./strata admin volumes    |  metrics: " + admin + "/metrics");
        out.println("  Data         " + server.dataDir() + "  (metadata in meta/, object bytes in volumes/"
                + StrataServer.VOLUME_ID + "/)");
        out.println("  Metadata WAL " + (c.walFsync() ? "FSYNC (a commit survives power loss)"
                : "LOG_ONLY (a commit survives kill -9; " + ConfigKeys.WAL_FSYNC.flag()
                        + " also survives power loss)"));
        out.println("  Credentials  access key '" + c.rootUser() + "'" + userFrom);
        out.println("               secret key " + secretFrom);
        out.println("  Try it       export AWS_ACCESS_KEY_ID=" + c.rootUser() + " AWS_SECRET_ACCESS_KEY="
                + (defaultSecret ? ConfigKeys.DEFAULT_ROOT_PASSWORD : "\"$" + ConfigKeys.ROOT_PASSWORD.env() + "\"")
                + " AWS_DEFAULT_REGION=us-east-1");
        out.println("               aws --endpoint-url " + url + " s3 mb s3://demo");
        out.println("               aws --endpoint-url " + url + " s3 ls");
        out.println("  Stop         Ctrl-C or SIGTERM (in-flight requests finish, then the metadata store closes)");
        out.flush();
    }

    static String urlHost(String bindAddress) {
        if (isWildcard(bindAddress)) {
            return "127.0.0.1";
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    private void usage(PrintStream to) {
        to.println("strata " + version() + ": one namespace served as S3 objects and NFS files");
        to.println();
        to.println("usage: strata serve [flags]     run the server (serve --help lists the flags)");
        to.println("       strata admin <command>   talk to a running server's admin API (admin --help lists them)");
        to.println("       strata version           print the version");
        to.println("       strata --help            this text");
        to.println();
        flagTable(to);
    }

    private void serveHelp(PrintStream to) {
        to.println("usage: strata serve [flags]");
        to.println();
        flagTable(to);
    }

    private void flagTable(PrintStream to) {
        to.println("flags (a flag wins over its env var; --flag value and --flag=value both work):");
        int width = ConfigKeys.ALL.stream().mapToInt(k -> k.usage().length()).max().orElse(20) + 2;
        for (ConfigKey k : ConfigKeys.ALL) {
            to.printf("  %-" + width + "s %s%n", k.usage(), k.meaning());
            to.printf("  %-" + width + "s default %s%s%n", "", k.kind() == ConfigKey.Kind.SWITCH ? "off"
                    : k.defaultValue(), k.env() == null ? "" : ", env " + k.env());
        }
        to.println();
        to.println("credentials: the root user's access key is " + ConfigKeys.ROOT_USER.env() + " (default '"
                + ConfigKeys.DEFAULT_ROOT_USER + "'), its secret key " + ConfigKeys.ROOT_PASSWORD.env()
                + " (default '" + ConfigKeys.DEFAULT_ROOT_PASSWORD + "': set your own for anything but a try-out)");
    }

    static String version() {
        String v = Launcher.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c == t ? String.valueOf(t) : t + " (cause: " + c + ")";
    }
}
