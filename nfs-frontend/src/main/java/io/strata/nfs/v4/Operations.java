package io.strata.nfs.v4;

import io.strata.nfs.v4.op.Access;
import io.strata.nfs.v4.op.Allocate;
import io.strata.nfs.v4.op.BindConnToSession;
import io.strata.nfs.v4.op.ChangeXattr;
import io.strata.nfs.v4.op.Close;
import io.strata.nfs.v4.op.Commit;
import io.strata.nfs.v4.op.Create;
import io.strata.nfs.v4.op.Deallocate;
import io.strata.nfs.v4.op.CreateSession;
import io.strata.nfs.v4.op.DestroyClientId;
import io.strata.nfs.v4.op.DestroySession;
import io.strata.nfs.v4.op.ExchangeId;
import io.strata.nfs.v4.op.FreeStateid;
import io.strata.nfs.v4.op.GetFh;
import io.strata.nfs.v4.op.GetXattr;
import io.strata.nfs.v4.op.Getattr;
import io.strata.nfs.v4.op.Link;
import io.strata.nfs.v4.op.ListXattrs;
import io.strata.nfs.v4.op.Lock;
import io.strata.nfs.v4.op.Lockt;
import io.strata.nfs.v4.op.Locku;
import io.strata.nfs.v4.op.Lookup;
import io.strata.nfs.v4.op.Lookupp;
import io.strata.nfs.v4.op.Open;
import io.strata.nfs.v4.op.OpenDowngrade;
import io.strata.nfs.v4.op.PutFh;
import io.strata.nfs.v4.op.PutRootFh;
import io.strata.nfs.v4.op.Read;
import io.strata.nfs.v4.op.Readdir;
import io.strata.nfs.v4.op.Readlink;
import io.strata.nfs.v4.op.ReclaimComplete;
import io.strata.nfs.v4.op.Remove;
import io.strata.nfs.v4.op.Rename;
import io.strata.nfs.v4.op.RestoreFh;
import io.strata.nfs.v4.op.SaveFh;
import io.strata.nfs.v4.op.SecinfoNoName;
import io.strata.nfs.v4.op.Sequence;
import io.strata.nfs.v4.op.Setattr;
import io.strata.nfs.v4.op.TestStateid;
import io.strata.nfs.v4.op.Write;
import java.util.List;

/**
 * The operations by opcode (RFC 8881 16.2.1, RFC 7862 for 59 to 71, RFC 8276 for 72 to 75). Opcodes without a
 * class here are answered NOTSUPP: delegations, pNFS layouts, NVERIFY/VERIFY, named attribute
 * directories, and the NFSv4.2 data operations other than ALLOCATE and DEALLOCATE (COPY, SEEK, READ_PLUS and
 * friends; clients fall back without them).
 */
public final class Operations {
    public static final int SEQUENCE = 53;
    public static final int ILLEGAL = 10044;
    private static final int FIRST = 3;
    private static final int LAST_4_1 = 58;
    private static final int LAST_4_2 = 75;

    private static final List<String> NAMES = List.of("", "", "", "ACCESS", "CLOSE", "COMMIT", "CREATE",
            "DELEGPURGE", "DELEGRETURN", "GETATTR", "GETFH", "LINK", "LOCK", "LOCKT", "LOCKU", "LOOKUP", "LOOKUPP",
            "NVERIFY", "OPEN", "OPENATTR", "OPEN_CONFIRM", "OPEN_DOWNGRADE", "PUTFH", "PUTPUBFH", "PUTROOTFH",
            "READ", "READDIR", "READLINK", "REMOVE", "RENAME", "RENEW", "RESTOREFH", "SAVEFH", "SECINFO",
            "SETATTR", "SETCLIENTID", "SETCLIENTID_CONFIRM", "VERIFY", "WRITE", "RELEASE_LOCKOWNER",
            "BACKCHANNEL_CTL", "BIND_CONN_TO_SESSION", "EXCHANGE_ID", "CREATE_SESSION", "DESTROY_SESSION",
            "FREE_STATEID", "GET_DIR_DELEGATION", "GETDEVICEINFO", "GETDEVICELIST", "LAYOUTCOMMIT", "LAYOUTGET",
            "LAYOUTRETURN", "SECINFO_NO_NAME", "SEQUENCE", "SET_SSV", "TEST_STATEID", "WANT_DELEGATION",
            "DESTROY_CLIENTID", "RECLAIM_COMPLETE", "ALLOCATE", "COPY", "COPY_NOTIFY", "DEALLOCATE", "IO_ADVISE",
            "LAYOUTERROR", "LAYOUTSTATS", "OFFLOAD_CANCEL", "OFFLOAD_STATUS", "READ_PLUS", "SEEK", "WRITE_SAME",
            "CLONE", "GETXATTR", "SETXATTR", "LISTXATTRS", "REMOVEXATTR");

    private static final Operation<?>[] BY_OPCODE = new Operation<?>[LAST_4_2 + 1];

    static {
        BY_OPCODE[3] = new Access();
        BY_OPCODE[4] = new Close();
        BY_OPCODE[5] = new Commit();
        BY_OPCODE[6] = new Create();
        BY_OPCODE[8] = new FreeStateid(true);
        BY_OPCODE[9] = new Getattr();
        BY_OPCODE[10] = new GetFh();
        BY_OPCODE[11] = new Link();
        BY_OPCODE[12] = new Lock();
        BY_OPCODE[13] = new Lockt();
        BY_OPCODE[14] = new Locku();
        BY_OPCODE[15] = new Lookup();
        BY_OPCODE[16] = new Lookupp();
        BY_OPCODE[18] = new Open();
        BY_OPCODE[21] = new OpenDowngrade();
        BY_OPCODE[22] = new PutFh();
        BY_OPCODE[23] = new PutRootFh();
        BY_OPCODE[24] = new PutRootFh();
        BY_OPCODE[25] = new Read();
        BY_OPCODE[26] = new Readdir();
        BY_OPCODE[27] = new Readlink();
        BY_OPCODE[28] = new Remove();
        BY_OPCODE[29] = new Rename();
        BY_OPCODE[31] = new RestoreFh();
        BY_OPCODE[32] = new SaveFh();
        BY_OPCODE[33] = new SecinfoNoName(true);
        BY_OPCODE[34] = new Setattr();
        BY_OPCODE[38] = new Write();
        BY_OPCODE[41] = new BindConnToSession();
        BY_OPCODE[42] = new ExchangeId();
        BY_OPCODE[43] = new CreateSession();
        BY_OPCODE[44] = new DestroySession();
        BY_OPCODE[45] = new FreeStateid(false);
        BY_OPCODE[52] = new SecinfoNoName(false);
        BY_OPCODE[SEQUENCE] = new Sequence();
        BY_OPCODE[55] = new TestStateid();
        BY_OPCODE[57] = new DestroyClientId();
        BY_OPCODE[58] = new ReclaimComplete();
        BY_OPCODE[59] = new Allocate();
        BY_OPCODE[62] = new Deallocate();
        BY_OPCODE[72] = new GetXattr();
        BY_OPCODE[73] = new ChangeXattr(false);
        BY_OPCODE[74] = new ListXattrs();
        BY_OPCODE[75] = new ChangeXattr(true);
    }

    private Operations() {
    }

    /** Whether the opcode names an operation of the minor version (NFSv4.0-only ones do not exist in 4.1). */
    public static boolean exists(int opcode, int minorVersion) {
        if (opcode == 20 || opcode == 30 || opcode == 35 || opcode == 36 || opcode == 39) {
            return false; // OPEN_CONFIRM, RENEW, SETCLIENTID(_CONFIRM), RELEASE_LOCKOWNER: 4.0 only
        }
        return opcode >= FIRST && opcode <= (minorVersion >= 2 ? LAST_4_2 : LAST_4_1);
    }

    /** The operation, or null when the server does not implement it. */
    public static Operation<?> of(int opcode) {
        return opcode >= 0 && opcode < BY_OPCODE.length ? BY_OPCODE[opcode] : null;
    }

    /** The operations that may stand alone outside a session (RFC 8881 18.46.3). */
    public static boolean makesSession(int opcode) {
        return opcode == 41 || opcode == 42 || opcode == 43 || opcode == 44 || opcode == 57;
    }

    public static String name(int opcode) {
        return opcode >= 0 && opcode < NAMES.size() ? NAMES.get(opcode) : "ILLEGAL";
    }
}
