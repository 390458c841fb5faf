package io.strata.server.cli;

/** A command failed for a reason other than the server's answer (unreachable server, unreadable file): exit 1. */
class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
