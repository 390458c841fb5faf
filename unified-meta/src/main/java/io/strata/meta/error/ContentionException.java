package io.strata.meta.error;

/** The operation kept conflicting with concurrent changes and gave up; the client may retry. */
public final class ContentionException extends MetaException {
    public ContentionException(String message) {
        super(message);
    }
}
