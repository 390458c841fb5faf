package io.strata.nfs.v4.state;

/**
 * One slot of a session's fore channel (RFC 8881 2.10.6.1): the sequence id it last took, and that request's
 * reply when the client asked for it to be cached. Exactly-once semantics come from here: a retransmission gets
 * the cached reply instead of running again.
 */
public final class Slot {
    private int seqid;
    private boolean busy;
    private byte[] cachedReply;

    /** What a SEQUENCE with this sequence id means for the slot. */
    public enum Verdict { NEW, REPLAY, IN_PROGRESS, MISORDERED }

    public synchronized Verdict accept(int requested) {
        if (requested == seqid + 1) {
            if (busy) {
                return Verdict.IN_PROGRESS;
            }
            seqid = requested;
            busy = true;
            cachedReply = null;
            return Verdict.NEW;
        }
        if (requested == seqid) {
            return busy ? Verdict.IN_PROGRESS : Verdict.REPLAY;
        }
        return Verdict.MISORDERED;
    }

    /** The request on this slot has its reply; {@code reply} is kept for replays (null: not cached). */
    public synchronized void done(byte[] reply) {
        cachedReply = reply;
        busy = false;
    }

    public synchronized byte[] cachedReply() {
        return cachedReply;
    }

    public synchronized int seqid() {
        return seqid;
    }
}
