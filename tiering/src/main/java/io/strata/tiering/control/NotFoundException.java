package io.strata.tiering.control;

/** The named volume, move, bucket or path does not exist (404 on the admin API). */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
