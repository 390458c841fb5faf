package io.strata.server.cli;

/** The command line is wrong: exit status 2 and a hint, never a request to the server. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
