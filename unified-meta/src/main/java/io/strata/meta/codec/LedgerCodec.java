package io.strata.meta.codec;

import io.strata.meta.model.BlobRef;

/** Ledger entries: what state a data file is in, since when, written by which node. */
public final class LedgerCodec {
    private static final int VERSION = 1;

    /** The state of a blob that is not (or no longer) referenced by the namespace. */
    public enum State { INFLIGHT, RELEASED }

    public record Entry(BlobRef blob, State state, long sinceMillis, String node) {
    }

    private LedgerCodec() {
    }

    public static byte[] encode(Entry e) {
        return new ValueWriter().writeByte(VERSION).writeString(e.blob().volumeId()).writeString(e.blob().blobId())
                .writeByte(e.state().ordinal()).writeLong(e.sinceMillis()).writeString(e.node()).toBytes();
    }

    public static Entry decode(byte[] bytes) {
        ValueReader r = new ValueReader(bytes);
        r.expectVersion(VERSION, "ledger entry");
        BlobRef blob = new BlobRef(r.readString(), r.readString());
        return new Entry(blob, State.values()[r.readByte()], r.readLong(), r.readString());
    }
}
