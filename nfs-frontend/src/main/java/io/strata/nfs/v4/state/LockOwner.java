package io.strata.nfs.v4.state;

import java.util.HexFormat;

/** A lock_owner4 (RFC 8881 3.3.12): the client and the opaque owner it names (a process, for Linux). */
public record LockOwner(long clientId, String hex) {

    public static LockOwner of(long clientId, byte[] owner) {
        return new LockOwner(clientId, HexFormat.of().formatHex(owner));
    }

    /** The owner's bytes, as LOCK4denied reports them. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }
}
