package io.strata.meta.codec;

import io.strata.meta.model.Bucket;

/** Buckets as stored in Ignite; first byte is the format version. */
public final class BucketCodec {
    private static final int VERSION = 1;

    private BucketCodec() {
    }

    public static byte[] encode(Bucket b) {
        return new ValueWriter().writeByte(VERSION).writeString(b.name()).writeLong(b.rootInodeId())
                .writeLong(b.createdMillis()).writeInt(b.defaultUid()).writeInt(b.defaultGid())
                .writeInt(b.defaultFileMode()).writeInt(b.defaultDirMode()).toBytes();
    }

    public static Bucket decode(byte[] bytes) {
        ValueReader r = new ValueReader(bytes);
        r.expectVersion(VERSION, "bucket");
        return new Bucket(r.readString(), r.readLong(), r.readLong(), r.readInt(), r.readInt(), r.readInt(), r.readInt());
    }
}
