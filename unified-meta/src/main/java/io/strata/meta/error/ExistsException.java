package io.strata.meta.error;

/** An entry exists where the operation requires none (exclusive create, If-None-Match). */
public final class ExistsException extends MetaException {
    public ExistsException(String message) {
        super(message);
    }
}
