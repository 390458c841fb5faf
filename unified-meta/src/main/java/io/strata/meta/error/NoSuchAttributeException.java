package io.strata.meta.error;

/** The file has no extended attribute (user metadata entry) of that name. */
public final class NoSuchAttributeException extends MetaException {
    public NoSuchAttributeException(String message) {
        super(message);
    }
}
