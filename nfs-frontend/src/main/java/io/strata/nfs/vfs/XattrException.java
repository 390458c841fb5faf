package io.strata.nfs.vfs;

/**
 * The two extended-attribute outcomes that have no NFSv3 status (RFC 8276's NOXATTR and XATTR2BIG); everything
 * else about attributes fails with an {@link io.strata.nfs.status.NfsException} as other calls do.
 */
public final class XattrException extends Exception {
    public enum Kind { NO_SUCH_ATTRIBUTE, TOO_LARGE }

    private final Kind kind;

    public XattrException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
