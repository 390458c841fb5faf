package io.strata.meta.codec;

/** A stored value could not be decoded: a bug or on-disk corruption, never a user error. */
public final class CorruptValueException extends RuntimeException {
    public CorruptValueException(String message) {
        super(message);
    }
}
