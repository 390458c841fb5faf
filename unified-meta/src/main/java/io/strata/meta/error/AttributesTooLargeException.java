package io.strata.meta.error;

/** A file's extended attributes (its user metadata) would outgrow what one inode holds. */
public final class AttributesTooLargeException extends MetaException {
    public AttributesTooLargeException(String message) {
        super(message);
    }
}
