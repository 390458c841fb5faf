package io.strata.nfs.v3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.server.CallerMapper;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.testing.InMemoryFileSystem;
import io.strata.nfs.testing.Wire;
import io.strata.nfs.vfs.Caller;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.Attrs;
import io.strata.nfs.xdr.NfsTime;
import io.strata.nfs.xdr.XdrWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.junit.jupiter.api.Test;

/** Each procedure, from encoded arguments to the reply a client decodes, over an in-memory file system. */
class Nfs3ProceduresTest {
    static final int GETATTR = 1, SETATTR = 2, LOOKUP = 3, ACCESS = 4, READLINK = 5, READ = 6, WRITE = 7, CREATE = 8,
            MKDIR = 9, SYMLINK = 10, MKNOD = 11, REMOVE = 12, RMDIR = 13, READDIR = 16, FSINFO = 19;
    static final Caller ROOT = new Caller(0, 0, new int[0]);
    static final Caller ALICE = new Caller(1000, 1000, new int[0]);
    static final Caller BOB = new Caller(2000, 2000, new int[0]);

    final InMemoryFileSystem fs = new InMemoryFileSystem();
    final FileHandles handles = new FileHandles("0123456789abcdef0123456789abcdef".getBytes());
    final Nfs3Program program = new Nfs3Program(fs, handles, new CallerMapper(false, 65534, 65534));
    final byte[] root = handles.encode(InMemoryFileSystem.ROOT);

    @SuppressWarnings("unchecked")
    <A> Xdr call(int number, Caller caller, XdrWriter args) throws Exception {
        Procedure<A> p = (Procedure<A>) program.procedure(number);
        A decoded = p.decode(Wire.roundTrip(args));
        return Wire.roundTrip(program.run(number, p, decoded, new NfsContext(fs, handles, caller)));
    }

    static XdrWriter dirOp(byte[] dir, String name) {
        return dirOp(dir, name.getBytes(StandardCharsets.UTF_8));
    }

    static XdrWriter dirOp(byte[] dir, byte[] name) {
        return out -> {
            out.xdrEncodeDynamicOpaque(dir);
            out.xdrEncodeDynamicOpaque(name);
        };
    }

    /** CREATE with mode 0644 in the given create mode (0 UNCHECKED, 1 GUARDED, 2 EXCLUSIVE). */
    byte[] create(Caller who, String name, int how, long verifier, NfsStatus expected) throws Exception {
        Xdr r = call(CREATE, who, out -> {
            dirOp(root, name).write(out);
            out.xdrEncodeInt(how);
            if (how == 2) {
                out.xdrEncodeLong(verifier);
            } else {
                out.xdrEncodeBoolean(true);
                out.xdrEncodeInt(0644);
                for (int i = 0; i < 3; i++) {
                    out.xdrEncodeBoolean(false);
                }
                out.xdrEncodeInt(0);
                out.xdrEncodeInt(0);
            }
        });
        assertEquals(expected.code(), r.xdrDecodeInt());
        if (expected != NfsStatus.OK) {
            return null;
        }
        assertTrue(r.xdrDecodeBoolean(), "a handle follows");
        return r.xdrDecodeDynamicOpaque();
    }

    Xdr write(byte[] file, long offset, int count, byte[] data) throws Exception {
        return call(WRITE, ROOT, out -> {
            out.xdrEncodeDynamicOpaque(file);
            out.xdrEncodeLong(offset);
            out.xdrEncodeInt(count);
            out.xdrEncodeInt(2);
            out.xdrEncodeDynamicOpaque(data);
        });
    }

    @Test
    void lookupOfAMissingNameIsNoentAndStillCarriesTheDirectorysAttributes() throws Exception {
        Xdr r = call(LOOKUP, ROOT, dirOp(root, "missing"));
        assertEquals(NfsStatus.NOENT.code(), r.xdrDecodeInt());
        assertTrue(r.xdrDecodeBoolean(), "post_op_attr of the directory");
        assertEquals(2, r.xdrDecodeInt(), "NF3DIR");
    }

    @Test
    void symlinkTargetsMustBeUtf8AndComeBackAsSent() throws Exception {
        byte[] notUtf8 = {'.', '.', '/', (byte) 0xff};
        assertEquals(NfsStatus.INVAL.code(), symlink("bad", notUtf8).xdrDecodeInt());
        assertEquals(NfsStatus.NOENT.code(), call(LOOKUP, ROOT, dirOp(root, "bad")).xdrDecodeInt(), "nothing made");

        Xdr made = symlink("good", "../Grüße/t".getBytes(StandardCharsets.UTF_8));
        assertEquals(0, made.xdrDecodeInt());
        assertTrue(made.xdrDecodeBoolean(), "a handle follows");
        byte[] link = made.xdrDecodeDynamicOpaque();
        Xdr read = call(READLINK, ROOT, out -> out.xdrEncodeDynamicOpaque(link));
        assertEquals(0, read.xdrDecodeInt());
        if (read.xdrDecodeBoolean()) {
            for (int i = 0; i < 21; i++) { // fattr3: 21 XDR words
                read.xdrDecodeInt();
            }
        }
        assertEquals("../Grüße/t", new String(read.xdrDecodeDynamicOpaque(), StandardCharsets.UTF_8));
    }

    /** SYMLINK in the root with no attributes set. */
    Xdr symlink(String name, byte[] target) throws Exception {
        return call(SYMLINK, ROOT, out -> {
            dirOp(root, name).write(out);
            for (int i = 0; i < 4; i++) { // sattr3: mode, uid, gid, size not set
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(0); // atime, mtime: don't change
            out.xdrEncodeInt(0);
            out.xdrEncodeDynamicOpaque(target);
        });
    }

    @Test
    void lookupFindsWhatCreateMadeAndDotDotOfTheRootIsTheRoot() throws Exception {
        byte[] made = create(ROOT, "f", 1, 0, NfsStatus.OK);
        Xdr r = call(LOOKUP, ROOT, dirOp(root, "f"));
        assertEquals(0, r.xdrDecodeInt());
        assertArrayEquals(made, r.xdrDecodeDynamicOpaque());
        Xdr up = call(LOOKUP, ROOT, dirOp(root, ".."));
        assertEquals(0, up.xdrDecodeInt());
        assertArrayEquals(root, up.xdrDecodeDynamicOpaque());
    }

    @Test
    void createModes() throws Exception {
        create(ROOT, "g", 1, 0, NfsStatus.OK);
        create(ROOT, "g", 1, 0, NfsStatus.EXIST);
        create(ROOT, "g", 0, 0, NfsStatus.OK);
        byte[] first = create(ROOT, "x", 2, 77, NfsStatus.OK);
        assertArrayEquals(first, create(ROOT, "x", 2, 77, NfsStatus.OK), "a retransmitted exclusive create");
        create(ROOT, "x", 2, 78, NfsStatus.EXIST);
        create(ROOT, ".", 1, 0, NfsStatus.EXIST);
    }

    @Test
    void badNamesGetTheirStatusAndCreateNothing() throws Exception {
        create(ROOT, "a".repeat(256), 1, 0, NfsStatus.NAMETOOLONG);
        create(ROOT, "a/b", 1, 0, NfsStatus.INVAL);
        Xdr r = call(LOOKUP, ROOT, dirOp(root, new byte[] {(byte) 0xff, (byte) 0xfe}));
        assertEquals(NfsStatus.INVAL.code(), r.xdrDecodeInt(), "not UTF-8");
        Xdr rm = call(REMOVE, ROOT, dirOp(root, "."));
        assertEquals(NfsStatus.INVAL.code(), rm.xdrDecodeInt());
        assertTrue(fs.readdir(InMemoryFileSystem.ROOT, 0, 100, false).entries().isEmpty(), "nothing was created");
    }

    @Test
    void writeThenReadReturnsTheBytesAndTheWriteVerifier() throws Exception {
        byte[] f = create(ROOT, "data", 1, 0, NfsStatus.OK);
        byte[] bytes = "hello, nfs".getBytes(StandardCharsets.UTF_8);
        Xdr w = write(f, 5, bytes.length, bytes);
        assertEquals(0, w.xdrDecodeInt());
        skipWcc(w);
        assertEquals(bytes.length, w.xdrDecodeInt());
        assertEquals(2, w.xdrDecodeInt(), "FILE_SYNC as asked");
        assertEquals(fs.writeVerifier(), w.xdrDecodeLong());

        Xdr r = call(READ, ROOT, out -> {
            out.xdrEncodeDynamicOpaque(f);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(100);
        });
        assertEquals(0, r.xdrDecodeInt());
        assertTrue(r.xdrDecodeBoolean());
        for (int i = 0; i < Attrs.FATTR3_BYTES / 4; i++) {
            r.xdrDecodeInt();
        }
        assertEquals(15, r.xdrDecodeInt());
        assertTrue(r.xdrDecodeBoolean(), "eof");
        byte[] expected = new byte[15];
        System.arraycopy(bytes, 0, expected, 5, bytes.length);
        assertArrayEquals(expected, r.xdrDecodeDynamicOpaque(), "the hole before offset 5 reads as zeros");
    }

    @Test
    void readingADirectoryIsIsdirWithItsAttributes() throws Exception {
        Xdr r = call(READ, ROOT, out -> {
            out.xdrEncodeDynamicOpaque(root);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(10);
        });
        assertEquals(NfsStatus.ISDIR.code(), r.xdrDecodeInt());
        assertTrue(r.xdrDecodeBoolean(), "post_op_attr still present");
    }

    @Test
    void aWriteCountBeyondItsDataIsInvalAndWritesNothing() throws Exception {
        byte[] f = create(ROOT, "short", 1, 0, NfsStatus.OK);
        Xdr w = write(f, 0, 10, new byte[4]);
        assertEquals(NfsStatus.INVAL.code(), w.xdrDecodeInt());
        assertEquals(0, fs.getattr(handles.decode(f)).size());
    }

    /** Like ext4's 16 TiB: past the write volume's limit a client gets FBIG (EFBIG), never EIO after the fact. */
    @Test
    void writesAndSizesPastTheLargestFileSizeAreFbigAndFsinfoSaysTheLimit() throws Exception {
        long limit = 1 << 20; // the in-memory double keeps files in arrays
        fs.maxFileSize = limit;
        Xdr info = call(FSINFO, ROOT, out -> out.xdrEncodeDynamicOpaque(root));
        assertEquals(0, info.xdrDecodeInt());
        assertTrue(info.xdrDecodeBoolean());
        for (int i = 0; i < Attrs.FATTR3_BYTES / 4 + 7; i++) {
            info.xdrDecodeInt(); // attributes, rtmax .. dtpref
        }
        assertEquals(limit, info.xdrDecodeLong(), "maxfilesize");

        byte[] f = create(ROOT, "huge", 1, 0, NfsStatus.OK);
        assertEquals(NfsStatus.FBIG.code(), write(f, (limit) - 2, 4, new byte[4]).xdrDecodeInt());
        assertEquals(NfsStatus.OK.code(), write(f, (limit) - 4, 4, new byte[4]).xdrDecodeInt(), "up to the limit");
        Xdr grow = call(SETATTR, ROOT, out -> {
            out.xdrEncodeDynamicOpaque(f);
            for (int i = 0; i < 3; i++) {
                out.xdrEncodeBoolean(false); // mode, uid, gid
            }
            out.xdrEncodeBoolean(true);
            out.xdrEncodeLong((limit) + 1);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
            out.xdrEncodeBoolean(false); // no guard
        });
        assertEquals(NfsStatus.FBIG.code(), grow.xdrDecodeInt());
        assertEquals(limit, fs.getattr(handles.decode(f)).size(), "only the write within the limit landed");
    }

    @Test
    void setattrWithAStaleGuardIsNotSync() throws Exception {
        byte[] f = create(ROOT, "guarded", 1, 0, NfsStatus.OK);
        Xdr r = call(SETATTR, ROOT, out -> {
            out.xdrEncodeDynamicOpaque(f);
            out.xdrEncodeBoolean(true);
            out.xdrEncodeInt(0600);
            for (int i = 0; i < 3; i++) {
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
            out.xdrEncodeBoolean(true); // guard
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(0);
        });
        assertEquals(NfsStatus.NOT_SYNC.code(), r.xdrDecodeInt());
        assertEquals(0644, fs.getattr(handles.decode(f)).mode(), "unchanged");
    }

    @Test
    void accessFollowsModeBitsForOwnerAndOthers() throws Exception {
        byte[] f = create(ROOT, "private", 1, 0, NfsStatus.OK);
        fs.setattr(handles.decode(f), new io.strata.nfs.vfs.SetAttributes(0600, 1000, 1000, null, null, null),
                null, ROOT);
        assertEquals(0x01 | 0x04 | 0x08, access(f, ALICE, 0x3f), "owner: read, modify, extend");
        assertEquals(0, access(f, BOB, 0x3f), "others: nothing on a 0600 file");
        Xdr denied = call(READ, BOB, out -> {
            out.xdrEncodeDynamicOpaque(f);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(10);
        });
        assertEquals(NfsStatus.ACCES.code(), denied.xdrDecodeInt());
    }

    int access(byte[] f, Caller who, int asked) throws Exception {
        Xdr r = call(ACCESS, who, out -> {
            out.xdrEncodeDynamicOpaque(f);
            out.xdrEncodeInt(asked);
        });
        assertEquals(0, r.xdrDecodeInt());
        if (r.xdrDecodeBoolean()) {
            for (int i = 0; i < Attrs.FATTR3_BYTES / 4; i++) {
                r.xdrDecodeInt();
            }
        }
        return r.xdrDecodeInt();
    }

    @Test
    void readdirInSmallPagesReturnsEveryEntryExactlyOnce() throws Exception {
        for (int i = 0; i < 60; i++) {
            create(ROOT, "entry-" + i, 1, 0, NfsStatus.OK);
        }
        Set<String> seen = new HashSet<>();
        List<String> all = new ArrayList<>();
        long cookie = 0;
        int pages = 0;
        boolean eof = false;
        while (!eof) {
            long c = cookie;
            Xdr r = call(READDIR, ROOT, out -> {
                out.xdrEncodeDynamicOpaque(root);
                out.xdrEncodeLong(c);
                out.xdrEncodeLong(0);
                out.xdrEncodeInt(400);
            });
            assertEquals(0, r.xdrDecodeInt());
            if (r.xdrDecodeBoolean()) {
                for (int i = 0; i < Attrs.FATTR3_BYTES / 4; i++) {
                    r.xdrDecodeInt();
                }
            }
            r.xdrDecodeLong();
            while (r.xdrDecodeBoolean()) {
                r.xdrDecodeLong();
                String name = new String(r.xdrDecodeDynamicOpaque(), StandardCharsets.UTF_8);
                cookie = r.xdrDecodeLong();
                assertTrue(seen.add(name), "repeated " + name);
                all.add(name);
            }
            eof = r.xdrDecodeBoolean();
            pages++;
        }
        assertTrue(pages > 5, "400 bytes hold only a few entries: " + pages + " pages");
        assertEquals(62, all.size(), ". and .. and 60 files");
        assertEquals(List.of(".", ".."), all.subList(0, 2));
    }

    @Test
    void forgedHandlesAreBadHandlesAndRemovedFilesAreStale() throws Exception {
        byte[] forged = root.clone();
        forged[10] ^= 4;
        assertEquals(NfsStatus.BADHANDLE.code(), call(GETATTR, ROOT, out -> out.xdrEncodeDynamicOpaque(forged))
                .xdrDecodeInt());
        byte[] f = create(ROOT, "doomed", 1, 0, NfsStatus.OK);
        assertEquals(0, call(REMOVE, ROOT, dirOp(root, "doomed")).xdrDecodeInt());
        assertEquals(NfsStatus.STALE.code(), call(GETATTR, ROOT, out -> out.xdrEncodeDynamicOpaque(f)).xdrDecodeInt());
    }

    /**
     * A client that finds wcc_data's attributes before equal to what it cached takes the change as its own alone and
     * keeps its cache: so they come only when nothing else changed the directory in between.
     */
    @Test
    void wccCarriesTheAttributesBeforeOnlyWhenTheChangeWasTheDirectorysOnlyOne() throws Exception {
        create(ROOT, "a", 1, 0, NfsStatus.OK);
        create(ROOT, "b", 1, 0, NfsStatus.OK);
        Stat before = fs.getattr(InMemoryFileSystem.ROOT);
        Xdr r = call(REMOVE, ROOT, dirOp(root, "a"));
        assertEquals(0, r.xdrDecodeInt());
        assertTrue(r.xdrDecodeBoolean(), "alone: the attributes before come");
        assertEquals(before.size(), r.xdrDecodeLong());
        assertEquals(before.mtimeNanos(), NfsTime.decode(r));
        assertEquals(before.ctimeNanos(), NfsTime.decode(r));

        fs.afterNameChange = () -> { // another client, at the same moment
            try {
                fs.mkdir(InMemoryFileSystem.ROOT, "meanwhile", SetAttributes.NONE, ROOT);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        r = call(REMOVE, ROOT, dirOp(root, "b"));
        assertEquals(0, r.xdrDecodeInt());
        assertFalse(r.xdrDecodeBoolean(), "not alone: no attributes before, so the client revalidates");
        assertTrue(r.xdrDecodeBoolean(), "the attributes after still come");
        assertTrue(fs.lookup(InMemoryFileSystem.ROOT, "meanwhile") != null, "the other change happened");
    }

    @Test
    void directoriesDevicesAndNonEmptyRemoval() throws Exception {
        Xdr mk = call(MKDIR, ROOT, out -> {
            dirOp(root, "d").write(out);
            for (int i = 0; i < 4; i++) {
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        });
        assertEquals(0, mk.xdrDecodeInt());
        mk.xdrDecodeBoolean();
        byte[] d = mk.xdrDecodeDynamicOpaque();
        Xdr inner = call(CREATE, ROOT, out -> {
            dirOp(d, "inner").write(out);
            out.xdrEncodeInt(1);
            for (int i = 0; i < 4; i++) {
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        });
        assertEquals(0, inner.xdrDecodeInt());
        assertEquals(NfsStatus.NOTEMPTY.code(), call(RMDIR, ROOT, dirOp(root, "d")).xdrDecodeInt());
        assertEquals(NfsStatus.ISDIR.code(), call(REMOVE, ROOT, dirOp(root, "d")).xdrDecodeInt());
        Xdr fifo = call(MKNOD, ROOT, out -> {
            dirOp(root, "fifo").write(out);
            out.xdrEncodeInt(7); // NF3FIFO, then sattr3 with nothing set
            for (int i = 0; i < 4; i++) {
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        });
        assertEquals(0, fifo.xdrDecodeInt());
        assertTrue(fifo.xdrDecodeBoolean());
        fifo.xdrDecodeDynamicOpaque();
        assertTrue(fifo.xdrDecodeBoolean());
        assertEquals(7, fifo.xdrDecodeInt(), "fattr3 type NF3FIFO");
        Xdr device = call(MKNOD, ROOT, out -> {
            dirOp(root, "null").write(out);
            out.xdrEncodeInt(3); // NF3CHR: sattr3, then specdata3
            for (int i = 0; i < 4; i++) {
                out.xdrEncodeBoolean(false);
            }
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(1);
            out.xdrEncodeInt(3);
        });
        assertEquals(NfsStatus.NOTSUPP.code(), device.xdrDecodeInt());
        Xdr regular = call(MKNOD, ROOT, out -> {
            dirOp(root, "plain").write(out);
            out.xdrEncodeInt(1);
        });
        assertEquals(NfsStatus.BADTYPE.code(), regular.xdrDecodeInt());
    }

    @Test
    void inAStickyDirectoryOnlyTheOwnerRemovesAFile() throws Exception {
        io.strata.nfs.vfs.FileId tmp = fs.mkdir(InMemoryFileSystem.ROOT, "tmp",
                new io.strata.nfs.vfs.SetAttributes(01777, 0, 0, null, null, null), ROOT);
        byte[] dir = handles.encode(tmp);
        fs.create(tmp, "alices", new io.strata.nfs.vfs.CreateHow(io.strata.nfs.vfs.CreateHow.Mode.GUARDED,
                new io.strata.nfs.vfs.SetAttributes(0644, 1000, 1000, null, null, null), 0), ALICE);
        assertEquals(NfsStatus.ACCES.code(), call(REMOVE, BOB, dirOp(dir, "alices")).xdrDecodeInt());
        assertEquals(0, call(REMOVE, ALICE, dirOp(dir, "alices")).xdrDecodeInt());
    }

    @Test
    void anUnexpectedFailureIsServerfaultNotACrash() throws Exception {
        fs.failWith = new IllegalStateException("disk on fire");
        assertEquals(NfsStatus.SERVERFAULT.code(), call(GETATTR, ROOT, out -> out.xdrEncodeDynamicOpaque(root))
                .xdrDecodeInt());
    }

    @Test
    void truncatedArgumentsDoNotDecode() {
        assertThrows(Exception.class, () -> program.procedure(WRITE).decode(Wire.roundTrip(out -> {
            out.xdrEncodeDynamicOpaque(root);
            out.xdrEncodeLong(0);
        })));
    }

    static void skipWcc(Xdr r) throws Exception {
        if (r.xdrDecodeBoolean()) {
            r.xdrDecodeLong();
            r.xdrDecodeLong();
            r.xdrDecodeLong();
        }
        if (r.xdrDecodeBoolean()) {
            for (int i = 0; i < Attrs.FATTR3_BYTES / 4; i++) {
                r.xdrDecodeInt();
            }
        }
    }
}
