package io.strata.nfs.v4;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A stateid4: a sequence number and 12 opaque bytes naming the state. The special values of RFC 8881 8.2.3 are
 * recognised by {@link #isAnonymous()}, {@link #isBypass()} and {@link #isCurrent()}.
 */
public record StateId(int seqid, byte[] other) {
    public static final int OTHER_BYTES = 12;
    /** What CLOSE returns in NFSv4.1: the "invalid" special stateid. */
    public static final StateId INVALID = new StateId(-1, new byte[OTHER_BYTES]);

    public boolean isAnonymous() {
        return seqid == 0 && allBytes((byte) 0);
    }

    public boolean isBypass() {
        return seqid == -1 && allBytes((byte) -1);
    }

    /** "The current stateid": the one the previous operation of the compound set. */
    public boolean isCurrent() {
        return seqid == 1 && allBytes((byte) 0);
    }

    public boolean isSpecial() {
        return isAnonymous() || isBypass() || isCurrent() || (seqid == -1 && allBytes((byte) 0));
    }

    /**
     * Checks the sequence against the state's current one: 0 means "whatever is current" (RFC 8881 8.2.2), an
     * older one is OLD_STATEID, a newer one BAD_STATEID.
     */
    public void requireCurrent(int current) throws Nfs4Exception {
        if (seqid != 0 && seqid != current) {
            throw new Nfs4Exception(Integer.compareUnsigned(seqid, current) < 0 ? Nfs4Status.OLD_STATEID
                    : Nfs4Status.BAD_STATEID, "stateid " + this + " is not the current " + current);
        }
    }

    public String key() {
        return HexFormat.of().formatHex(other);
    }

    private boolean allBytes(byte b) {
        for (byte x : other) {
            if (x != b) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateId s && s.seqid == seqid && Arrays.equals(s.other, other);
    }

    @Override
    public int hashCode() {
        return 31 * seqid + Arrays.hashCode(other);
    }

    @Override
    public String toString() {
        return seqid + ":" + key();
    }
}
