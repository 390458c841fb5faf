package io.strata.meta.codec;

import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.model.PosixAttrs;
import java.util.List;

/**
 * Inodes as stored in Ignite. Ignite 2.17's binary marshaller cannot build Java records, and an explicit encoding
 * keeps the stored format under our control: the first byte is the format version.
 */
public final class InodeCodec {
    private static final int VERSION = 1;

    private InodeCodec() {
    }

    public static byte[] encode(Inode inode) {
        ValueWriter w = new ValueWriter().writeByte(VERSION)
                .writeLong(inode.id()).writeByte(inode.type().code()).writeLong(inode.generation())
                .writeLong(inode.parentId()).writeLong(inode.version()).writeLong(inode.size());
        PosixAttrs p = inode.posix();
        w.writeInt(p.mode()).writeInt(p.uid()).writeInt(p.gid()).writeInt(p.nlink())
                .writeLong(p.atimeNanos()).writeLong(p.mtimeNanos()).writeLong(p.ctimeNanos());
        ObjectAttrs o = inode.object();
        w.writeBoolean(o != null);
        if (o != null) {
            w.writeString(o.etag()).writeMap(o.headers()).writeMap(o.userMetadata()).writeMap(o.tags())
                    .writeMap(o.checksums()).writeString(o.checksumType()).writeInt(o.partSizes().size());
            o.partSizes().forEach(w::writeLong);
        }
        w.writeInt(inode.extents().size());
        for (Extent e : inode.extents()) {
            w.writeLong(e.offset()).writeLong(e.length()).writeString(e.blob().volumeId())
                    .writeString(e.blob().blobId()).writeLong(e.blobOffset());
        }
        return w.writeString(inode.symlinkTarget()).toBytes();
    }

    public static Inode decode(byte[] bytes) {
        ValueReader r = new ValueReader(bytes);
        r.expectVersion(VERSION, "inode");
        long id = r.readLong();
        InodeType type = InodeType.ofCode(r.readByte());
        long generation = r.readLong();
        long parentId = r.readLong();
        long version = r.readLong();
        long size = r.readLong();
        PosixAttrs posix = new PosixAttrs(r.readInt(), r.readInt(), r.readInt(), r.readInt(),
                r.readLong(), r.readLong(), r.readLong());
        ObjectAttrs object = null;
        if (r.readBoolean()) {
            String etag = r.readString();
            var headers = r.readMap();
            var userMeta = r.readMap();
            var tags = r.readMap();
            var checksums = r.readMap();
            String checksumType = r.readString();
            List<Long> partSizes = readPartSizes(r);
            object = new ObjectAttrs(etag, headers, userMeta, tags, checksums, checksumType, partSizes);
        }
        int n = r.readCount("extent count");
        Extent[] extents = new Extent[n];
        for (int i = 0; i < n; i++) {
            long offset = r.readLong();
            long length = r.readLong();
            BlobRef blob = new BlobRef(r.readString(), r.readString());
            extents[i] = new Extent(offset, length, blob, r.readLong());
        }
        // List.of, not a copy of an ArrayList: Inode keeps its extents with List.copyOf, which keeps an immutable
        // list as it is.
        return new Inode(id, type, generation, parentId, version, size, posix, object, List.of(extents),
                r.readString());
    }

    private static List<Long> readPartSizes(ValueReader r) {
        int n = r.readCount("part count");
        Long[] values = new Long[n];
        for (int i = 0; i < n; i++) {
            values[i] = r.readLong();
        }
        return List.of(values);
    }
}
