package io.strata.nfs.v4;

import io.strata.nfs.status.NfsStatus;

/**
 * The nfsstat4 values this server returns (RFC 8881 15.1, RFC 8276 for the xattr ones). The file-system errors
 * share their numbers with NFSv3, which is what {@link #of(NfsStatus)} relies on.
 */
public enum Nfs4Status {
    OK(0), PERM(1), NOENT(2), IO(5), NXIO(6), ACCESS(13), EXIST(17), XDEV(18), NOTDIR(20), ISDIR(21), INVAL(22),
    FBIG(27), NOSPC(28), ROFS(30), MLINK(31), NAMETOOLONG(63), NOTEMPTY(66), DQUOT(69), STALE(70),
    BADHANDLE(10001), BAD_COOKIE(10003), NOTSUPP(10004), TOOSMALL(10005), SERVERFAULT(10006), BADTYPE(10007),
    DELAY(10008), SAME(10009), DENIED(10010), EXPIRED(10011), LOCKED(10012), GRACE(10013), SHARE_DENIED(10015),
    RESOURCE(10018), NOFILEHANDLE(10020), MINOR_VERS_MISMATCH(10021), STALE_CLIENTID(10022),
    OLD_STATEID(10024), BAD_STATEID(10025), BAD_SEQID(10026), NOT_SAME(10027), LOCK_RANGE(10028),
    SYMLINK(10029), RESTOREFH(10030), ATTRNOTSUPP(10032), NO_GRACE(10033), BADXDR(10036), LOCKS_HELD(10037),
    OPENMODE(10038), BADOWNER(10039), BADCHAR(10040), BADNAME(10041), BAD_RANGE(10042), LOCK_NOTSUPP(10043),
    OP_ILLEGAL(10044), DEADLOCK(10045), BADSESSION(10052), BADSLOT(10053), COMPLETE_ALREADY(10054),
    CONN_NOT_BOUND_TO_SESSION(10055), SEQ_MISORDERED(10063), SEQUENCE_POS(10064), REQ_TOO_BIG(10065),
    REP_TOO_BIG(10066), REP_TOO_BIG_TO_CACHE(10067), RETRY_UNCACHED_REP(10068), TOO_MANY_OPS(10070),
    OP_NOT_IN_SESSION(10071), CLIENTID_BUSY(10074), NOT_ONLY_OP(10081), NOXATTR(10095), XATTR2BIG(10096);

    private final int code;

    Nfs4Status(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** A file-system status as NFSv4 states it (the numbers are shared; the few v3-only ones are mapped). */
    public static Nfs4Status of(NfsStatus s) {
        return switch (s) {
            case OK -> OK;
            case ACCES -> ACCESS;
            case JUKEBOX -> DELAY;
            case NOT_SYNC -> NOT_SAME;
            case NODEV -> NXIO;
            case REMOTE -> SERVERFAULT;
            default -> byCode(s.code());
        };
    }

    private static Nfs4Status byCode(int code) {
        for (Nfs4Status v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return SERVERFAULT;
    }
}
