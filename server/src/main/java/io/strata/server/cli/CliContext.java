package io.strata.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every command gets: the client, where to print, and how (raw JSON or text; a terminal redraws progress in
 * place).
 *
 * @param stdin   reads a file argument given as {@code -}
 * @param workDir resolves relative file arguments
 */
record CliContext(AdminClient client, PrintStream out, boolean json, boolean terminal, Sleeper sleeper,
                  InputStream stdin, Path workDir) {
    /** Waits between refreshes of a watch; tests pass one that does not sleep. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** Prints the server's JSON, indented, when {@code --json} asked for it; returns whether it did. */
    boolean printedJson(JsonNode node) {
        if (!json) {
            return false;
        }
        try {
            out.println(AdminClient.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            out.println(node);
        }
        return true;
    }

    void println(String line) {
        out.println(line);
    }

    void printAll(Iterable<String> lines) {
        for (String l : lines) {
            out.println(l);
        }
    }
}
