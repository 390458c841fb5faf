package io.strata.server.cli;

import java.util.Set;

/**
 * One admin command: the words that name it ({@code "volume add"}), a usage line, the options it takes, and what it
 * does with the remaining words.
 */
record Command(String name, String arguments, String help, Set<String> options, Action action) {
    @FunctionalInterface
    interface Action {
        /** @return the exit status */
        int run(CliContext ctx, CliArgs args);
    }

    static Command of(String name, String arguments, String help, Action action, String... options) {
        return new Command(name, arguments, help, Set.of(options), action);
    }

    String usage() {
        return name + (arguments.isEmpty() ? "" : " " + arguments);
    }

    int words() {
        return name.split(" ").length;
    }
}
