package io.strata.server;

/** A setting the server cannot use; the message is one line meant for the person who typed it. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
