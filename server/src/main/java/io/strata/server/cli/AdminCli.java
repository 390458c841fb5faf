package io.strata.server.cli;

import io.strata.server.ConfigKeys;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code strata admin <command>}: the admin API from a shell. Finds the command named by the first words, hands it
 * the rest, and turns failures into one line on stderr and an exit status (1: the server or the network refused,
 * 2: the command line is wrong).
 */
public final class AdminCli {
    public static final String DEFAULT_URL = "http://127.0.0.1:9001";
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    private static final Set<String> GLOBAL_OPTIONS = Set.of("--url", "--json", "--help");

    static final List<Command> COMMANDS = Stream.of(InfoCommand.commands(), VolumeCommands.commands(),
                    PolicyCommands.commands(), PlacementCommand.commands(), MoveCommands.commands())
            .flatMap(List::stream).toList();

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final CliContext.Sleeper sleeper;
    private final InputStream stdin;
    private final Path workDir;

    AdminCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
             CliContext.Sleeper sleeper, InputStream stdin, Path workDir) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.sleeper = sleeper;
        this.stdin = stdin;
        this.workDir = workDir;
    }

    /** Entry point for the launcher's {@code admin} command; returns the exit status. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        return new AdminCli(env, out, err, System.console() != null, Thread::sleep, System.in,
                Path.of("").toAbsolutePath()).run(args);
    }

    int run(List<String> argv) {
        try {
            CliArgs args = CliArgs.parse(argv);
            if (args.words().isEmpty()) {
                usage(args.has("--help") ? out : err);
                return args.has("--help") ? 0 : EXIT_USAGE;
            }
            Command command = find(args.words());
            if (args.has("--help")) {
                out.println("usage: strata admin " + command.usage());
                out.println("  " + command.help());
                return 0;
            }
            Set<String> allowed = new HashSet<>(command.options());
            allowed.addAll(GLOBAL_OPTIONS);
            args.allowOnly(allowed, command.name());
            return command.action().run(context(args), args.dropWords(command.words()));
        } catch (UsageException e) {
            err.println("strata admin: " + e.getMessage() + " (strata admin --help lists the commands)");
            return EXIT_USAGE;
        } catch (CliException e) {
            err.println("strata admin: " + e.getMessage());
            return EXIT_FAILED;
        } finally {
            out.flush();
        }
    }

    /** The command whose name is the longest run of leading words ("volume add" before "volume"). */
    static Command find(List<String> words) {
        Command best = null;
        for (Command c : COMMANDS) {
            List<String> name = List.of(c.name().split(" "));
            if (words.size() >= name.size() && words.subList(0, name.size()).equals(name)
                    && (best == null || name.size() > best.words())) {
                best = c;
            }
        }
        if (best == null) {
            List<String> near = new ArrayList<>();
            for (Command c : COMMANDS) {
                if (c.name().startsWith(words.get(0))) {
                    near.add(c.name());
                }
            }
            throw new UsageException("unknown command '" + String.join(" ", words.subList(0, Math.min(2,
                    words.size()))) + "'" + (near.isEmpty() ? "" : " (did you mean: " + String.join(", ", near) + "?)"));
        }
        return best;
    }

    private CliContext context(CliArgs args) {
        String url = args.has("--url") ? args.option("--url") : env.getOrDefault("STRATA_ADMIN_URL", DEFAULT_URL);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new UsageException("--url must start with http:// or https:// (was '" + url + "')");
        }
        // the same variables and defaults as the server, so a try-out needs no settings
        String user = env.getOrDefault(ConfigKeys.ROOT_USER.env(), ConfigKeys.DEFAULT_ROOT_USER);
        String password = env.getOrDefault(ConfigKeys.ROOT_PASSWORD.env(), ConfigKeys.DEFAULT_ROOT_PASSWORD);
        return new CliContext(new AdminClient(url, user, password), out, args.has("--json"), terminal, sleeper,
                stdin, workDir);
    }

    private static void usage(PrintStream to) {
        to.println("usage: strata admin [--url URL] [--json] <command>");
        to.println();
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(10) + 2;
        for (Command c : COMMANDS) {
            to.printf("  %-" + width + "s %s%n", c.name(), c.help());
            if (!c.arguments().isEmpty()) {
                to.printf("  %-" + width + "s   %s %s%n", "", c.name(), c.arguments());
            }
        }
        to.println();
        to.println("  --url URL   the admin API (default " + DEFAULT_URL + ", env STRATA_ADMIN_URL)");
        to.println("  --json      print the server's JSON instead of tables");
        to.println("credentials: env " + ConfigKeys.ROOT_USER.env() + " and " + ConfigKeys.ROOT_PASSWORD.env()
                + " (defaults '" + ConfigKeys.DEFAULT_ROOT_USER + "' / '" + ConfigKeys.DEFAULT_ROOT_PASSWORD
                + "', as for the server)");
    }
}
