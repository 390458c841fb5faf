package io.strata.nfs.v4;

import static io.strata.nfs.v4.Client4.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.nfs.handle.FileHandles;
import io.strata.nfs.server.CallerMapper;
import io.strata.nfs.testing.InMemoryFileSystem;
import io.strata.nfs.v3.NfsContext;
import io.strata.nfs.v4.attr.Fattr;
import io.strata.nfs.vfs.Caller;
import io.strata.nfs.vfs.CreateHow;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.SetAttributes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dcache.oncrpc4j.xdr.Xdr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** COMPOUNDs from encoded arguments to the reply a client decodes, over an in-memory file system. */
class Nfs4CompoundTest {
    static final Caller ROOT = new Caller(0, 0, new int[0]);
    static final int OK = 0;

    final InMemoryFileSystem fs = new InMemoryFileSystem();
    final FileHandles handles = new FileHandles("0123456789abcdef0123456789abcdef".getBytes());
    final Nfs4Program program = new Nfs4Program(fs, handles, new CallerMapper(false, 65534, 65534));
    final Client4 client = new Client4(program, new NfsContext(fs, handles, ROOT));

    @BeforeEach
    void session() throws Exception {
        client.establish();
    }

    /** OPEN with OPEN4_CREATE (UNCHECKED, mode 0644) of {@code name} under the root, as {@code owner}. */
    static Op openCreate(String name, String owner) {
        return op(OPEN, out -> {
            out.xdrEncodeInt(0); // seqid
            out.xdrEncodeInt(3); // read and write
            out.xdrEncodeInt(0);
            out.xdrEncodeLong(0);
            out.xdrEncodeDynamicOpaque(owner.getBytes(StandardCharsets.US_ASCII));
            out.xdrEncodeInt(1); // OPEN4_CREATE
            out.xdrEncodeInt(0); // UNCHECKED4
            bitmap(Fattr.MODE).write(out);
            out.xdrEncodeDynamicOpaque(new byte[] {0, 0, 1, (byte) 0xa4});
            out.xdrEncodeInt(0); // CLAIM_NULL
            out.xdrEncodeDynamicOpaque(name.getBytes(StandardCharsets.UTF_8));
        });
    }

    static byte[] readStateId(Xdr in) throws Exception {
        Xdr4Holder h = new Xdr4Holder(in.xdrDecodeInt(), in.xdrDecodeOpaque(12));
        return h.bytes();
    }

    /** A stateid as the bytes a client would send back. */
    record Xdr4Holder(int seqid, byte[] other) {
        byte[] bytes() {
            byte[] b = new byte[16];
            b[0] = (byte) (seqid >>> 24);
            b[1] = (byte) (seqid >>> 16);
            b[2] = (byte) (seqid >>> 8);
            b[3] = (byte) seqid;
            System.arraycopy(other, 0, b, 4, 12);
            return b;
        }
    }

    /** Skips the rest of an OPEN4resok after its stateid. */
    static void skipOpenRest(Xdr in) throws Exception {
        in.xdrDecodeBoolean();
        in.xdrDecodeLong();
        in.xdrDecodeLong();
        in.xdrDecodeInt(); // rflags
        int words = in.xdrDecodeInt();
        for (int i = 0; i < words; i++) {
            in.xdrDecodeInt();
        }
        assertEquals(0, in.xdrDecodeInt(), "no delegation");
    }

    @Test
    void openWriteCommitReadCloseThroughOneSession() throws Exception {
        byte[] data = "hello over NFSv4.2".getBytes(StandardCharsets.UTF_8);
        Results open = client.compound(op(PUTROOTFH), openCreate("f.txt", "o1"),
                op(GETFH));
        assertEquals(OK, open.status);
        open.next(PUTROOTFH);
        assertEquals(OK, open.next(OPEN));
        byte[] stateid = readStateId(open.in());
        skipOpenRest(open.in());
        assertEquals(OK, open.next(GETFH));
        byte[] fh = open.in().xdrDecodeDynamicOpaque();

        Results write = client.compound(op(PUTFH, out -> out.xdrEncodeDynamicOpaque(fh)), op(WRITE, out -> {
            out.xdrEncodeOpaque(stateid, 16);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(0); // UNSTABLE
            out.xdrEncodeDynamicOpaque(data);
        }), op(COMMIT, out -> {
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(0);
        }));
        assertEquals(OK, write.status);
        write.next(PUTFH);
        assertEquals(OK, write.next(WRITE));
        assertEquals(data.length, write.in().xdrDecodeInt());

        Results read = client.compound(op(PUTFH, out -> out.xdrEncodeDynamicOpaque(fh)), op(READ, out -> {
            out.xdrEncodeOpaque(stateid, 16);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(4096);
        }), getattr(Fattr.SIZE));
        read.next(PUTFH);
        assertEquals(OK, read.next(READ));
        assertTrue(read.in().xdrDecodeBoolean(), "eof");
        assertArrayEquals(data, read.in().xdrDecodeDynamicOpaque());
        assertEquals(OK, read.next(GETATTR));
        read.in().xdrDecodeInt();
        read.in().xdrDecodeInt(); // bitmap of one word: SIZE
        read.in().xdrDecodeInt(); // attrlist length
        assertEquals(data.length, read.in().xdrDecodeLong());

        Op close = op(CLOSE, out -> {
            out.xdrEncodeInt(0);
            out.xdrEncodeOpaque(stateid, 16);
        });
        assertEquals(OK, client.compound(op(PUTFH, out -> out.xdrEncodeDynamicOpaque(fh)), close).status);
        assertEquals(Nfs4Status.BAD_STATEID.code(),
                client.compound(op(PUTFH, out -> out.xdrEncodeDynamicOpaque(fh)), close).status,
                "a closed stateid is gone");
    }

    @Test
    void sessionRulesAndReplays() throws Exception {
        assertEquals(Nfs4Status.OP_NOT_IN_SESSION.code(), client.raw(op(PUTROOTFH)).status);
        assertEquals(Nfs4Status.NOFILEHANDLE.code(), client.compound(op(GETFH)).status);
        assertEquals(Nfs4Status.SEQUENCE_POS.code(),
                client.compound(op(Client4.SEQUENCE, out -> {
                    out.xdrEncodeOpaque(client.sessionId, 16);
                    out.xdrEncodeInt(1);
                    out.xdrEncodeInt(3);
                    out.xdrEncodeInt(3);
                    out.xdrEncodeBoolean(false);
                })).status);

        Results first = client.compoundOnSlot(1, 1, true, op(PUTROOTFH), getattr(Fattr.FILEID));
        Results again = client.compoundOnSlot(1, 1, true, op(PUTROOTFH), getattr(Fattr.FILEID));
        assertArrayEquals(first.bytes, again.bytes, "a retransmission gets the cached reply");
        client.compoundOnSlot(2, 1, false, op(PUTROOTFH));
        assertEquals(Nfs4Status.RETRY_UNCACHED_REP.code(), client.compoundOnSlot(2, 1, false, op(PUTROOTFH)).status);
        assertEquals(Nfs4Status.SEQ_MISORDERED.code(), client.compoundOnSlot(2, 5, false, op(PUTROOTFH)).status);
        assertEquals(Nfs4Status.BADSLOT.code(), client.compoundOnSlot(500, 1, false, op(PUTROOTFH)).status);
    }

    @Test
    void namesAndAttributesAreChecked() throws Exception {
        assertEquals(Nfs4Status.BADNAME.code(), client.compound(op(PUTROOTFH), name(LOOKUP, "..")).status);
        assertEquals(Nfs4Status.INVAL.code(), client.compound(op(PUTROOTFH), name(LOOKUP, "")).status);
        assertEquals(Nfs4Status.NOENT.code(), client.compound(op(PUTROOTFH), name(LOOKUP, "nope")).status);
        assertEquals(Nfs4Status.NOENT.code(), client.compound(op(PUTROOTFH), op(LOOKUPP)).status,
                "the root has no parent");

        Results create = client.compound(op(PUTROOTFH), openCreate("g", "o"));
        assertEquals(OK, create.status);
        Op badOwner = op(SETATTR, out -> {
            out.xdrEncodeOpaque(new byte[16], 16);
            bitmap(Fattr.OWNER).write(out);
            out.xdrEncodeDynamicOpaque(new byte[] {0, 0, 0, 5, 'a', 'l', 'i', 'c', 'e', 0, 0, 0});
        });
        assertEquals(Nfs4Status.BADOWNER.code(),
                client.compound(op(PUTROOTFH), name(LOOKUP, "g"), badOwner).status);
        Op setType = op(SETATTR, out -> {
            out.xdrEncodeOpaque(new byte[16], 16);
            bitmap(Fattr.TYPE).write(out);
            out.xdrEncodeDynamicOpaque(new byte[] {0, 0, 0, 2});
        });
        assertEquals(Nfs4Status.INVAL.code(),
                client.compound(op(PUTROOTFH), name(LOOKUP, "g"), setType).status,
                "type is read-only");
        Op chmod = op(SETATTR, out -> {
            out.xdrEncodeOpaque(new byte[16], 16);
            bitmap(Fattr.MODE).write(out);
            out.xdrEncodeDynamicOpaque(new byte[] {0, 0, 1, (byte) 0x80});
        });
        Results r = client.compound(op(PUTROOTFH), name(LOOKUP, "g"), chmod,
                getattr(Fattr.MODE));
        assertEquals(OK, r.status);
        assertEquals(0600, fs.lookup(InMemoryFileSystem.ROOT, "g").mode());
    }

    /** A change_info4 as a client reads it. */
    record ChangeInfo(boolean atomic, long before, long after) {
        static ChangeInfo read(Xdr in) throws Exception {
            return new ChangeInfo(in.xdrDecodeBoolean(), in.xdrDecodeLong(), in.xdrDecodeLong());
        }
    }

    private FileId file(String name) throws Exception {
        return fs.create(InMemoryFileSystem.ROOT, name,
                new CreateHow(CreateHow.Mode.GUARDED, SetAttributes.NONE, 0), ROOT);
    }

    private long rootChange() throws Exception {
        return fs.getattr(InMemoryFileSystem.ROOT).change();
    }

    @Test
    void changeInfoIsAtomicExactlyWhenNothingElseChangedTheDirectory() throws Exception {
        file("a");
        file("b");
        file("c");
        long before = rootChange();
        Results r = client.compound(op(PUTROOTFH), name(REMOVE, "a"));
        assertEquals(OK, r.status);
        r.next(PUTROOTFH);
        assertEquals(OK, r.next(REMOVE));
        assertEquals(new ChangeInfo(true, before, rootChange()), ChangeInfo.read(r.in()),
                "alone: a Linux client keeps its cached names when told so");

        // Another client creates a file while the remove runs: the change no longer stands alone.
        before = rootChange();
        fs.afterNameChange = () -> {
            try {
                file("meanwhile");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        r = client.compound(op(PUTROOTFH), name(REMOVE, "b"));
        r.next(PUTROOTFH);
        assertEquals(OK, r.next(REMOVE));
        assertEquals(new ChangeInfo(false, before, rootChange()), ChangeInfo.read(r.in()));

        before = rootChange();
        r = client.compound(op(PUTROOTFH), op(SAVEFH), op(RENAME, out -> {
            out.xdrEncodeDynamicOpaque("c".getBytes(StandardCharsets.UTF_8));
            out.xdrEncodeDynamicOpaque("d".getBytes(StandardCharsets.UTF_8));
        }));
        r.next(PUTROOTFH);
        r.next(SAVEFH);
        assertEquals(OK, r.next(RENAME));
        ChangeInfo within = new ChangeInfo(true, before, rootChange());
        assertEquals(within, ChangeInfo.read(r.in()), "source directory");
        assertEquals(within, ChangeInfo.read(r.in()), "target directory: the same one");

        before = rootChange();
        r = client.compound(op(PUTROOTFH), openCreate("e", "o"));
        r.next(PUTROOTFH);
        assertEquals(OK, r.next(OPEN));
        readStateId(r.in());
        assertEquals(new ChangeInfo(true, before, rootChange()), ChangeInfo.read(r.in()), "a create");
        before = rootChange();
        r = client.compound(op(PUTROOTFH), openCreate("e", "o2"));
        r.next(PUTROOTFH);
        assertEquals(OK, r.next(OPEN));
        readStateId(r.in());
        assertEquals(new ChangeInfo(true, before, before), ChangeInfo.read(r.in()),
                "an unchecked create of an existing file changes nothing, and says so");
    }

    @Test
    void readdirPagesSeeEveryEntryOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            assertEquals(OK, client.compound(op(PUTROOTFH), openCreate("file-" + i, "o")).status);
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        long cookie = 0;
        boolean eof = false;
        while (!eof) {
            long from = cookie;
            Results r = client.compound(op(PUTROOTFH), op(READDIR, out -> {
                out.xdrEncodeLong(from);
                out.xdrEncodeLong(0);
                out.xdrEncodeInt(512);
                out.xdrEncodeInt(600); // room for a few entries only
                bitmap(Fattr.TYPE, Fattr.FILEID).write(out);
            }));
            r.next(PUTROOTFH);
            assertEquals(OK, r.next(READDIR));
            r.in().xdrDecodeLong();
            int page = 0;
            while (r.in().xdrDecodeBoolean()) {
                cookie = r.in().xdrDecodeLong();
                String n = new String(r.in().xdrDecodeDynamicOpaque(), StandardCharsets.UTF_8);
                r.in().xdrDecodeInt();
                r.in().xdrDecodeInt();
                r.in().xdrDecodeDynamicOpaque();
                assertTrue(seen.add(n), n + " listed twice");
                order.add(n);
                page++;
            }
            eof = r.in().xdrDecodeBoolean();
            assertTrue(page > 0 || eof);
            assertTrue(page < 40, "maxcount limits a page");
        }
        assertEquals(40, seen.size());
    }

    /**
     * A READDIR reads the attributes of the entries that fit its maxcount, not of every entry it might have sent, and
     * lists the directory once to find them.
     */
    @Test
    void readdirReadsTheAttributesOfWhatFitsOnly() throws Exception {
        for (int i = 0; i < 300; i++) {
            assertEquals(OK, client.compound(op(PUTROOTFH), openCreate("entry-" + i, "o")).status);
        }
        fs.entryAttributesRead.set(0);
        fs.readdirCalls.set(0);
        Results r = client.compound(op(PUTROOTFH), op(READDIR, out -> {
            out.xdrEncodeLong(0);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(4096);
            out.xdrEncodeInt(4096);
            // What the Linux client asks for in a listing: entries of about 200 bytes.
            bitmap(Fattr.TYPE, Fattr.CHANGE, Fattr.SIZE, Fattr.FSID, Fattr.FILEHANDLE, Fattr.FILEID, Fattr.MODE,
                    Fattr.NUMLINKS, Fattr.OWNER, Fattr.OWNER_GROUP, Fattr.SPACE_USED, Fattr.TIME_ACCESS,
                    Fattr.TIME_METADATA, Fattr.TIME_MODIFY, Fattr.MOUNTED_ON_FILEID).write(out);
        }));
        r.next(PUTROOTFH);
        assertEquals(OK, r.next(READDIR));
        r.in().xdrDecodeLong();
        List<String> names = new ArrayList<>();
        while (r.in().xdrDecodeBoolean()) {
            r.in().xdrDecodeLong();
            names.add(new String(r.in().xdrDecodeDynamicOpaque(), StandardCharsets.UTF_8));
            for (int words = r.in().xdrDecodeInt(); words > 0; words--) {
                r.in().xdrDecodeInt();
            }
            r.in().xdrDecodeDynamicOpaque();
        }
        assertFalse(r.in().xdrDecodeBoolean(), "300 entries do not fit in 4 KiB");
        assertTrue(names.size() > 10 && names.size() < 40, names.size() + " entries in 4 KiB");
        for (int i = 0; i < names.size(); i++) {
            assertEquals("entry-" + i, names.get(i));
        }
        assertTrue(fs.entryAttributesRead.get() <= names.size() + 2,
                fs.entryAttributesRead.get() + " entries read for " + names.size() + " sent");
        assertEquals(1, fs.readdirCalls.get(), "listings of the directory");
    }

    /** fallocate(2) over NFSv4.2: ALLOCATE grows the file, DEALLOCATE punches a hole, both within the size limit. */
    @Test
    void allocateGrowsAFileAndDeallocatePunchesAHole() throws Exception {
        final int allocate = 59;
        final int deallocate = 62;
        Results open = client.compound(op(PUTROOTFH), openCreate("fa", "o"), op(GETFH));
        open.next(PUTROOTFH);
        open.next(OPEN);
        byte[] stateid = readStateId(open.in());
        skipOpenRest(open.in());
        open.next(GETFH);
        byte[] fh = open.in().xdrDecodeDynamicOpaque();
        Op putfh = op(PUTFH, out -> out.xdrEncodeDynamicOpaque(fh));
        java.util.function.BiFunction<Integer, long[], Op> space = (opcode, range) -> op(opcode, out -> {
            out.xdrEncodeOpaque(stateid, 16);
            out.xdrEncodeLong(range[0]);
            out.xdrEncodeLong(range[1]);
        });
        assertEquals(OK, client.compound(putfh, op(WRITE, out -> {
            out.xdrEncodeOpaque(stateid, 16);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(2); // FILE_SYNC
            out.xdrEncodeDynamicOpaque("abcdefgh".getBytes(StandardCharsets.UTF_8));
        })).status);

        assertEquals(OK, client.compound(putfh, space.apply(allocate, new long[] {0, 100})).status);
        assertEquals(OK, client.compound(putfh, space.apply(allocate, new long[] {0, 50})).status, "within: no-op");
        assertEquals(OK, client.compound(putfh, space.apply(deallocate, new long[] {2, 4})).status);
        assertEquals(OK, client.compound(putfh, space.apply(deallocate, new long[] {500, 10})).status, "past EOF");
        FileId file = handles.decode(fh);
        assertEquals(100, fs.getattr(file).size());
        byte[] expected = new byte[100];
        System.arraycopy("ab\0\0\0\0gh".getBytes(StandardCharsets.UTF_8), 0, expected, 0, 8);
        java.nio.ByteBuffer read = java.nio.ByteBuffer.allocate(200);
        fs.read(file, 0, read);
        assertArrayEquals(expected, java.util.Arrays.copyOf(read.array(), read.position()));

        fs.maxFileSize = 1 << 20;
        assertEquals(Nfs4Status.FBIG.code(), client.compound(putfh,
                space.apply(allocate, new long[] {1 << 20, 1})).status);
        assertEquals(Nfs4Status.INVAL.code(), client.compound(putfh,
                space.apply(deallocate, new long[] {10, -1})).status, "offset + length passes 2^64");
        assertEquals(Nfs4Status.BAD_STATEID.code(), client.compound(op(PUTROOTFH),
                space.apply(allocate, new long[] {0, 1})).status, "the open's stateid is for the file");
        assertEquals(Nfs4Status.ISDIR.code(), client.compound(op(PUTROOTFH), op(allocate, out -> {
            out.xdrEncodeOpaque(new byte[16], 16); // the anonymous stateid
            out.xdrEncodeLong(0);
            out.xdrEncodeLong(1);
        })).status);
        assertEquals(100, fs.getattr(file).size(), "refused ranges changed nothing");
    }

    static Op setxattr(int option, String name, byte[] value) {
        return op(SETXATTR, out -> {
            out.xdrEncodeInt(option); // 0 either, 1 create, 2 replace
            out.xdrEncodeDynamicOpaque(name.getBytes(StandardCharsets.UTF_8));
            out.xdrEncodeDynamicOpaque(value);
        });
    }

    /** The names LISTXATTRS returns from cookie 0 in one reply. */
    List<String> listXattrs(Op... path) throws Exception {
        List<Op> ops = new ArrayList<>(List.of(path));
        ops.add(op(LISTXATTRS, out -> {
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(4096);
        }));
        Results r = client.compound(ops.toArray(Op[]::new));
        assertEquals(OK, r.status);
        for (Op o : path) {
            r.next(o.opcode());
        }
        r.next(LISTXATTRS);
        r.in().xdrDecodeLong();
        List<String> names = new ArrayList<>();
        for (int n = r.in().xdrDecodeInt(); n > 0; n--) {
            names.add(new String(r.in().xdrDecodeDynamicOpaque(), StandardCharsets.UTF_8));
        }
        assertTrue(r.in().xdrDecodeBoolean(), "eof");
        return names;
    }

    @Test
    void extendedAttributesAreSetListedReadAndRemoved() throws Exception {
        assertEquals(OK, client.compound(op(PUTROOTFH), openCreate("x", "o")).status);
        Op lookup = name(LOOKUP, "x");
        byte[] binary = {0, (byte) 0xff, '\n', 'a'};
        FileId file = fs.lookup(InMemoryFileSystem.ROOT, "x").id();
        long changeBefore = fs.getattr(file).change();

        Results set = client.compound(op(PUTROOTFH), lookup, setxattr(1, "color", binary));
        assertEquals(OK, set.status);
        set.next(PUTROOTFH);
        set.next(LOOKUP);
        set.next(SETXATTR);
        set.in().xdrDecodeBoolean(); // atomic
        assertEquals(changeBefore, set.in().xdrDecodeLong(), "change info before");
        assertTrue(set.in().xdrDecodeLong() > changeBefore, "change info after: the file changed");

        assertEquals(List.of("color", "strata.tier"), listXattrs(op(PUTROOTFH), lookup));
        Results get = client.compound(op(PUTROOTFH), lookup, name(GETXATTR, "color"));
        get.next(PUTROOTFH);
        get.next(LOOKUP);
        get.next(GETXATTR);
        assertArrayEquals(binary, get.in().xdrDecodeDynamicOpaque());

        assertEquals(Nfs4Status.EXIST.code(), client.compound(op(PUTROOTFH), lookup,
                setxattr(1, "color", new byte[1])).status, "create: the name exists");
        assertEquals(Nfs4Status.NOXATTR.code(), client.compound(op(PUTROOTFH), lookup,
                setxattr(2, "shape", new byte[1])).status, "replace: no such name");
        assertEquals(OK, client.compound(op(PUTROOTFH), lookup, setxattr(2, "color", "red".getBytes())).status);
        assertEquals(Nfs4Status.XATTR2BIG.code(), client.compound(op(PUTROOTFH), lookup,
                setxattr(0, "big", new byte[InMemoryFileSystem.XATTR_BYTES])).status);
        assertEquals(Nfs4Status.PERM.code(), client.compound(op(PUTROOTFH), lookup,
                setxattr(0, "strata.tier", "cloud".getBytes())).status, "computed attributes are read-only");
        assertEquals(Nfs4Status.INVAL.code(), client.compound(op(PUTROOTFH), lookup,
                setxattr(3, "color", new byte[1])).status, "no such option");
        assertEquals(Nfs4Status.NOXATTR.code(), client.compound(op(PUTROOTFH), lookup,
                name(GETXATTR, "shape")).status);

        assertEquals(OK, client.compound(op(PUTROOTFH), lookup, name(REMOVEXATTR, "color")).status);
        assertEquals(Nfs4Status.NOXATTR.code(), client.compound(op(PUTROOTFH), lookup,
                name(REMOVEXATTR, "color")).status);
        assertEquals(List.of("strata.tier"), listXattrs(op(PUTROOTFH), lookup));

        fs.symlink(InMemoryFileSystem.ROOT, "ln", "x", SetAttributes.NONE, ROOT);
        assertEquals(Nfs4Status.PERM.code(), client.compound(op(PUTROOTFH), name(LOOKUP, "ln"),
                setxattr(0, "color", new byte[1])).status, "symlinks hold no user attributes");
    }

    @Test
    void accessOffersXattrRightsOnlyInMinorVersionTwo() throws Exception {
        Results r = client.compound(op(PUTROOTFH), op(ACCESS, out -> out.xdrEncodeInt(0x1ff)));
        r.next(PUTROOTFH);
        assertEquals(OK, r.next(ACCESS));
        assertEquals(0x1ff, r.in().xdrDecodeInt(), "supported");
        assertTrue((r.in().xdrDecodeInt() & 0x40) != 0, "XAREAD granted to root");

        client.minorVersion = 1;
        Results v41 = client.compound(op(PUTROOTFH), op(ACCESS, out -> out.xdrEncodeInt(0x1ff)));
        v41.next(PUTROOTFH);
        v41.next(ACCESS);
        assertEquals(0x3f, v41.in().xdrDecodeInt(), "4.1 knows no xattr rights");
        client.minorVersion = 0;
        assertEquals(Nfs4Status.MINOR_VERS_MISMATCH.code(), client.raw(op(PUTROOTFH)).status);
        client.minorVersion = 2;
        Results illegal = client.compound(op(7777));
        assertEquals(Nfs4Status.OP_ILLEGAL.code(), illegal.status);
        assertEquals(Nfs4Status.OP_ILLEGAL.code(), illegal.next(Operations.ILLEGAL));
    }

    @Test
    void eachOperationIsTimedWithItsStatus() throws Exception {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        Nfs4Program timed = new Nfs4Program(fs, handles, new CallerMapper(false, 65534, 65534),
                new io.strata.nfs.metrics.NfsMetrics(registry), ServerState.fresh(), Runnable::run);
        Client4 c = new Client4(timed, new NfsContext(fs, handles, ROOT));
        c.establish();
        c.compound(op(PUTROOTFH), name(LOOKUP, "missing"));
        assertEquals(1, registry.get("strata.nfs.operations").tag("procedure", "V4_LOOKUP")
                .tag("status", "NFS4ERR_NOENT").timer().count());
        assertEquals(1, registry.get("strata.nfs.operations").tag("procedure", "V4_PUTROOTFH")
                .tag("status", "NFS4_OK").timer().count());
    }

    /** A volume that cannot be reached is NFS4ERR_DELAY, the status clients wait on and retry (as v3's JUKEBOX). */
    @Test
    void anUnreachableVolumeIsDelayNotAnError() throws Exception {
        assertEquals(OK, client.compound(op(PUTROOTFH), openCreate("cold", "o")).status);
        fs.readFailsWith = io.strata.nfs.status.NfsStatus.JUKEBOX;
        Results r = client.compound(op(PUTROOTFH), name(LOOKUP, "cold"), op(READ, out -> {
            out.xdrEncodeOpaque(new byte[16], 16);
            out.xdrEncodeLong(0);
            out.xdrEncodeInt(10);
        }));
        assertEquals(Nfs4Status.DELAY.code(), r.status);
        assertEquals(10008, r.status, "NFS4ERR_DELAY");
    }
}
