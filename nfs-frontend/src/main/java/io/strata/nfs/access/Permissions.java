package io.strata.nfs.access;

import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.nfs.vfs.Caller;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stat;

/**
 * POSIX permission checks from AUTH_SYS identities and mode bits, as a Linux NFS server makes them. The owner
 * may read and write their own file whatever its mode (the client checked at open; a file created 0444 must
 * still take the writes of the process that created it), as knfsd allows.
 */
public final class Permissions {
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int EXECUTE = 1;

    private Permissions() {
    }

    /** The rwx bits that apply to the caller (root: all, execute only if someone may execute). */
    public static int bits(Stat s, Caller c) {
        int m = s.mode();
        if (c.isRoot()) {
            boolean anyExec = (m & 0111) != 0 || s.type() == FileType.DIRECTORY;
            return READ | WRITE | (anyExec ? EXECUTE : 0);
        }
        if (c.uid() == s.uid()) {
            return (m >> 6) & 7;
        }
        return c.inGroup(s.gid()) ? (m >> 3) & 7 : m & 7;
    }

    public static boolean may(Stat s, Caller c, int wanted) {
        return (bits(s, c) & wanted) == wanted;
    }

    public static void require(Stat s, Caller c, int wanted) throws NfsException {
        if (!may(s, c, wanted)) {
            throw new NfsException(NfsStatus.ACCES, "permission denied");
        }
    }

    /** Reading or writing file data: mode bits, or ownership. */
    public static void requireData(Stat s, Caller c, int wanted) throws NfsException {
        if (c.uid() != s.uid()) {
            require(s, c, wanted);
        }
    }

    /**
     * Creating or removing names in a directory needs write and search permission on it; in anything else it is
     * NOTDIR, before any permission (as Linux answers ENOTDIR).
     */
    public static void requireDirectoryChange(Stat dir, Caller c) throws NfsException {
        if (dir.type() != FileType.DIRECTORY) {
            throw new NfsException(NfsStatus.NOTDIR, "not a directory");
        }
        require(dir, c, WRITE | EXECUTE);
    }

    /** Whether removing from the directory needs {@link #requireStickyOwner} (which costs a lookup). */
    public static boolean stickyApplies(Stat dir, Caller c) {
        return (dir.mode() & 01000) != 0 && !c.isRoot() && c.uid() != dir.uid();
    }

    /** In a sticky directory (mode 01000) only root, the directory's owner or the entry's owner may remove it. */
    public static void requireStickyOwner(Stat dir, Stat entry, Caller c) throws NfsException {
        if ((dir.mode() & 01000) != 0 && !c.isRoot() && c.uid() != dir.uid() && c.uid() != entry.uid()) {
            throw new NfsException(NfsStatus.ACCES, "sticky directory");
        }
    }

    /** SETATTR: chown is root's; chgrp is the owner's to a group they belong to; chmod and times the owner's. */
    public static void requireSetattr(Stat s, SetAttributes a, Caller c) throws NfsException {
        if (c.isRoot()) {
            return;
        }
        boolean owner = c.uid() == s.uid();
        if (a.uid() != null && a.uid() != s.uid()) {
            throw new NfsException(NfsStatus.PERM, "only root changes a file's owner");
        }
        if (a.gid() != null && a.gid() != s.gid() && !(owner && c.inGroup(a.gid()))) {
            throw new NfsException(NfsStatus.PERM, "not the owner or not in the group");
        }
        if (a.mode() != null && !owner) {
            throw new NfsException(NfsStatus.PERM, "only the owner changes the mode");
        }
        boolean explicitTime = (a.atimeNanos() != null && a.atimeNanos() != SetAttributes.SERVER_TIME)
                || (a.mtimeNanos() != null && a.mtimeNanos() != SetAttributes.SERVER_TIME);
        if (explicitTime && !owner) {
            throw new NfsException(NfsStatus.PERM, "only the owner sets explicit times");
        }
        boolean touch = a.atimeNanos() != null || a.mtimeNanos() != null;
        if ((touch || a.size() != null) && !owner) {
            require(s, c, WRITE);
        }
    }
}
