package io.strata.nfs.v4;

import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.v3.Names;
import io.strata.nfs.v4.attr.Bitmaps;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.GarbageArgsException;
import io.strata.nfs.xdr.XdrReader;
import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/** NFSv4 wire types shared by several operations: bitmaps, stateids, file handles, strings, change_info4. */
public final class Xdr4 {
    /** NFS4_FHSIZE. */
    public static final int MAX_HANDLE = 128;
    /** NFS4_OPAQUE_LIMIT: owners, client ids and similar opaques. */
    public static final int OPAQUE_LIMIT = 1024;
    /** Words of a bitmap4 the server reads; attributes past 32 * 8 do not exist. */
    private static final int MAX_BITMAP_WORDS = 8;

    private Xdr4() {
    }

    public static int[] bitmap(XdrDecodingStream in) throws IOException {
        int words = in.xdrDecodeInt();
        if (words < 0 || words > MAX_BITMAP_WORDS) {
            throw new GarbageArgsException("bitmap of " + words + " words");
        }
        int[] map = new int[words];
        for (int i = 0; i < words; i++) {
            map[i] = in.xdrDecodeInt();
        }
        return map;
    }

    public static void bitmap(XdrEncodingStream out, int[] map) {
        int words = Bitmaps.usedWords(map);
        out.xdrEncodeInt(words);
        for (int i = 0; i < words; i++) {
            out.xdrEncodeInt(map[i]);
        }
    }

    /** The encoded size of a bitmap4 as {@link #bitmap(XdrEncodingStream, int[])} writes it. */
    public static int bitmapBytes(int[] map) {
        return 4 + 4 * Bitmaps.usedWords(map);
    }

    public static StateId stateId(XdrDecodingStream in) throws IOException {
        int seqid = in.xdrDecodeInt();
        return new StateId(seqid, in.xdrDecodeOpaque(StateId.OTHER_BYTES));
    }

    public static void stateId(XdrEncodingStream out, StateId id) {
        out.xdrEncodeInt(id.seqid());
        out.xdrEncodeOpaque(id.other(), StateId.OTHER_BYTES);
    }

    public static byte[] handle(XdrDecodingStream in) throws IOException {
        return XdrReader.opaque(in, MAX_HANDLE);
    }

    /** A component4 or other UTF-8 string as raw bytes (checked where used). */
    public static byte[] utf8(XdrDecodingStream in) throws IOException {
        return XdrReader.string(in);
    }

    public static byte[] opaque(XdrDecodingStream in) throws IOException {
        return XdrReader.opaque(in, OPAQUE_LIMIT);
    }

    /** A UTF-8 string that is not a file name (symlink targets, owners): INVAL when it is not UTF-8. */
    public static String text(byte[] raw) throws Nfs4Exception {
        String s = Names.utf8(raw);
        if (s == null) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "not UTF-8");
        }
        return s;
    }

    /** change_info4 that does not claim to be atomic (a directory's comes from {@link DirectoryWatch}). */
    public static void changeInfo(XdrEncodingStream out, Stat before, Stat after) {
        changeInfo(out, false, before, after);
    }

    /** change_info4 of a directory, atomic when nothing but the operation changed it in between. */
    public static void changeInfo(XdrEncodingStream out, DirectoryWatch.Change c) {
        changeInfo(out, c.alone(), c.before(), c.after() == null ? c.before() : c.after());
    }

    private static void changeInfo(XdrEncodingStream out, boolean atomic, Stat before, Stat after) {
        out.xdrEncodeBoolean(atomic);
        out.xdrEncodeLong(before == null ? 0 : before.change());
        out.xdrEncodeLong(after == null ? 0 : after.change());
    }
}
