package io.strata.meta.codec;

import io.strata.meta.model.BlobRef;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.model.Part;
import io.strata.meta.model.Upload;
import java.util.List;

/** Multipart uploads and their parts as stored in Ignite; first byte is the format version. */
public final class UploadCodec {
    private static final int VERSION = 1;

    private UploadCodec() {
    }

    public static byte[] encode(Upload u) {
        ObjectAttrs a = u.attrs();
        return new ValueWriter().writeByte(VERSION).writeString(u.uploadId()).writeString(u.bucket())
                .writeString(u.key()).writeLong(u.initiatedMillis()).writeMap(a.headers()).writeMap(a.userMetadata())
                .writeMap(a.tags()).writeString(a.checksumType()).writeString(u.checksumAlgorithm()).toBytes();
    }

    public static Upload decode(byte[] bytes) {
        ValueReader r = new ValueReader(bytes);
        r.expectVersion(VERSION, "upload");
        String id = r.readString();
        String bucket = r.readString();
        String key = r.readString();
        long initiated = r.readLong();
        ObjectAttrs attrs = new ObjectAttrs(null, r.readMap(), r.readMap(), r.readMap(), java.util.Map.of(),
                r.readString(), List.of());
        return new Upload(id, bucket, key, initiated, attrs, r.readString());
    }

    public static byte[] encode(Part p) {
        return new ValueWriter().writeByte(VERSION).writeInt(p.partNumber()).writeLong(p.size()).writeString(p.etag())
                .writeString(p.blob().volumeId()).writeString(p.blob().blobId()).writeMap(p.checksums())
                .writeLong(p.lastModifiedMillis()).toBytes();
    }

    public static Part decodePart(byte[] bytes) {
        ValueReader r = new ValueReader(bytes);
        r.expectVersion(VERSION, "part");
        return new Part(r.readInt(), r.readLong(), r.readString(), new BlobRef(r.readString(), r.readString()),
                r.readMap(), r.readLong());
    }
}
