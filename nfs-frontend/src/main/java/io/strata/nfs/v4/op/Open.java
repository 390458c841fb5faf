package io.strata.nfs.v4.op;

import io.strata.nfs.access.Permissions;
import io.strata.nfs.action.DirectoryWatch;
import io.strata.nfs.action.FileActions;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.v4.CompoundState;
import io.strata.nfs.v4.Names4;
import io.strata.nfs.v4.Nfs4Exception;
import io.strata.nfs.v4.Nfs4Status;
import io.strata.nfs.v4.Operation;
import io.strata.nfs.v4.StateId;
import io.strata.nfs.v4.Xdr4;
import io.strata.nfs.v4.attr.NewAttrs;
import io.strata.nfs.vfs.CreateHow;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stat;
import io.strata.nfs.xdr.GarbageArgsException;
import io.strata.nfs.xdr.XdrWriter;
import java.io.IOException;
import java.util.HexFormat;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * OPEN (RFC 8881 18.16): opens, and with OPEN4_CREATE creates, a regular file; the opened file becomes the
 * current handle and the open's stateid the current stateid. Claims by name (CLAIM_NULL) and by handle (CLAIM_FH,
 * and the reclaims after a server restart, which are granted: without locks or share reservations nothing can
 * conflict with them). No delegations are handed out.
 */
public final class Open extends Operation<Open.Args> {
    private static final int CLAIM_NULL = 0;
    private static final int CLAIM_PREVIOUS = 1;
    private static final int CLAIM_DELEGATE_CUR = 2;
    private static final int CLAIM_DELEGATE_PREV = 3;
    private static final int CLAIM_FH = 4;
    private static final int CLAIM_DELEG_PREV_FH = 5;
    private static final int CLAIM_DELEG_CUR_FH = 6;
    private static final int UNCHECKED4 = 0;
    private static final int GUARDED4 = 1;
    private static final int EXCLUSIVE4 = 2;
    private static final int EXCLUSIVE4_1 = 3;
    private static final int RESULT_LOCKTYPE_POSIX = 4;
    private static final int OPEN_DELEGATE_NONE = 0;
    static final int ACCESS_READ = 1;
    static final int ACCESS_WRITE = 2;

    /** @param create null for OPEN4_NOCREATE; @param name null for the claims by handle */
    public record Args(int access, byte[] owner, Create create, int claim, byte[] name) {
    }

    public record Create(int mode, NewAttrs.Raw attrs, long verifier) {
    }

    @Override
    public Args decode(XdrDecodingStream in) throws IOException {
        in.xdrDecodeInt(); // seqid: unused in NFSv4.1
        int access = in.xdrDecodeInt();
        in.xdrDecodeInt(); // deny: share reservations are not enforced
        in.xdrDecodeLong(); // the owner's client id: the session's is used
        byte[] owner = Xdr4.opaque(in);
        Create create = null;
        if (in.xdrDecodeInt() == 1) {
            int mode = in.xdrDecodeInt();
            create = switch (mode) {
                case UNCHECKED4, GUARDED4 -> new Create(mode, NewAttrs.Raw.decode(in), 0);
                case EXCLUSIVE4 -> new Create(mode, NewAttrs.Raw.EMPTY, in.xdrDecodeLong());
                case EXCLUSIVE4_1 -> {
                    long verifier = in.xdrDecodeLong();
                    yield new Create(mode, NewAttrs.Raw.decode(in), verifier);
                }
                default -> throw new GarbageArgsException("createmode " + mode);
            };
        }
        int claim = in.xdrDecodeInt();
        byte[] name = switch (claim) {
            case CLAIM_NULL, CLAIM_DELEGATE_PREV -> Xdr4.utf8(in);
            case CLAIM_DELEGATE_CUR -> {
                Xdr4.stateId(in);
                yield Xdr4.utf8(in);
            }
            case CLAIM_PREVIOUS -> {
                in.xdrDecodeInt(); // delegation type held before the restart
                yield null;
            }
            case CLAIM_DELEG_CUR_FH -> {
                Xdr4.stateId(in);
                yield null;
            }
            case CLAIM_FH, CLAIM_DELEG_PREV_FH -> null;
            default -> throw new GarbageArgsException("open claim " + claim);
        };
        return new Args(access, owner, create, claim, name);
    }

    @Override
    public XdrWriter run(Args a, CompoundState state) throws NfsException, Nfs4Exception {
        int access = a.access() & (ACCESS_READ | ACCESS_WRITE);
        if (access == 0) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "share access " + a.access());
        }
        long clientId = Opens.clientId(state);
        DirectoryWatch watch = null;
        FileId file;
        boolean created = false;
        int dirChanges = 0;
        NewAttrs attrs = NewAttrs.NONE;
        if (a.name() == null) {
            file = state.current();
        } else {
            FileId dir = state.current();
            watch = DirectoryWatch.start(state.ctx(), dir);
            Stat dirBefore = watch.before();
            Lookup.requireDirectory(dirBefore);
            Permissions.require(dirBefore, state.ctx().caller(), Permissions.EXECUTE);
            String name = Names4.component(a.name());
            Stat existing = lookupOrNull(state, dir, name);
            if (a.create() == null) {
                if (existing == null) {
                    throw new NfsException(NfsStatus.NOENT, name);
                }
                file = existing.id();
            } else {
                attrs = a.create().attrs().parse();
                if (existing != null && a.create().mode() == GUARDED4) {
                    throw new NfsException(NfsStatus.EXIST, name);
                }
                if (existing != null && a.create().mode() == UNCHECKED4) {
                    file = existing.id();
                    requireRegular(existing);
                    if (attrs.attributes().size() != null) {
                        FileActions.setattr(state.ctx(), file, existing,
                                new SetAttributes(null, null, null, attrs.attributes().size(), null, null));
                    }
                    attrs = NewAttrs.NONE;
                } else {
                    file = create(state, dir, dirBefore, name, a.create(), attrs);
                    created = existing == null;
                    dirChanges = 1; // even if the create found the file: the count says "one operation"
                }
            }
        }
        Stat s = state.ctx().fs().getattr(file);
        requireRegular(s);
        if (!created) {
            int need = ((access & ACCESS_READ) != 0 ? Permissions.READ : 0)
                    | ((access & ACCESS_WRITE) != 0 ? Permissions.WRITE : 0);
            Permissions.requireData(s, state.ctx().caller(), need);
        }
        StateId stateId = state.server().opens().open(clientId, HexFormat.of().formatHex(a.owner()), file, access);
        state.current(file);
        state.currentStateId(stateId);
        DirectoryWatch.Change change = watch == null ? null : watch.finish(dirChanges);
        NewAttrs applied = created ? attrs : NewAttrs.NONE;
        return out -> {
            Xdr4.stateId(out, stateId);
            if (change == null) {
                Xdr4.changeInfo(out, null, null); // an OPEN by handle names no directory
            } else {
                Xdr4.changeInfo(out, change);
            }
            out.xdrEncodeInt(RESULT_LOCKTYPE_POSIX);
            applied.encodeSet(out);
            out.xdrEncodeInt(OPEN_DELEGATE_NONE);
        };
    }

    private static FileId create(CompoundState state, FileId dir, Stat dirStat, String name, Create c,
                                 NewAttrs attrs) throws NfsException {
        Permissions.requireDirectoryChange(dirStat, state.ctx().caller());
        CreateHow how = switch (c.mode()) {
            case UNCHECKED4 -> new CreateHow(CreateHow.Mode.UNCHECKED, attrs.attributes(), 0);
            case GUARDED4 -> new CreateHow(CreateHow.Mode.GUARDED, attrs.attributes(), 0);
            default -> new CreateHow(CreateHow.Mode.EXCLUSIVE, attrs.attributes(), c.verifier());
        };
        return state.ctx().fs().create(dir, name, how, state.ctx().caller());
    }

    private static Stat lookupOrNull(CompoundState state, FileId dir, String name) throws NfsException {
        try {
            return state.ctx().fs().lookup(dir, name);
        } catch (NfsException e) {
            if (e.status() == NfsStatus.NOENT) {
                return null;
            }
            throw e;
        }
    }

    private static void requireRegular(Stat s) throws Nfs4Exception {
        if (s.type() == FileType.DIRECTORY) {
            throw new Nfs4Exception(Nfs4Status.ISDIR, "a directory");
        }
        if (s.type() == FileType.SYMLINK) {
            throw new Nfs4Exception(Nfs4Status.SYMLINK, "a symbolic link");
        }
        if (s.type() != FileType.REGULAR) {
            throw new Nfs4Exception(Nfs4Status.INVAL, "not a regular file");
        }
    }
}
