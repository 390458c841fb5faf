package io.strata.server;

/** The server could not start; the message is one line that says why and what to do (e.g. a port in use). */
public final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
