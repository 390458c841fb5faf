package io.strata.nfs.v4;

/** Thrown by SEQUENCE for a retransmitted request: the reply the slot cached is sent again, nothing runs. */
public final class CachedReply extends Nfs4Exception {
    private final byte[] reply;

    public CachedReply(byte[] reply) {
        super(Nfs4Status.OK, "replay");
        this.reply = reply;
    }

    public byte[] reply() {
        return reply;
    }
}
