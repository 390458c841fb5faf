package io.strata.tiering.control;

/** The request is valid but the current state refuses it, e.g. removing a volume that still holds data (409). */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
