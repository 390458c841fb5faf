package io.strata.nfs.access;

import io.strata.nfs.vfs.Caller;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.SetAttributes;
import io.strata.nfs.vfs.Stat;

/**
 * When a file's set-user-ID and set-group-ID bits go, as a local Linux file system drops them: a program that an
 * unprivileged user changed, or that changed hands, must not keep running with its old owner's rights. The Linux
 * NFS client leaves this to the server. Set-group-ID without group execute is a locking mark, not a privilege, and
 * stays. And only a member of a file's group (or root) may set its set-group-ID bit: anyone else's chmod drops it
 * silently.
 */
public final class SetIdBits {
    private static final int SET_UID = 04000;
    private static final int SET_GID = 02000;
    private static final int GROUP_EXECUTE = 010;

    private SetIdBits() {
    }

    /** The mode a regular file takes after {@code caller} wrote to it, or null if it keeps its mode. */
    public static Integer afterWrite(Stat file, Caller caller) {
        return caller.isRoot() ? null : dropped(file);
    }

    /**
     * {@code change} as it applies: a new owner or group drops the bits, whoever asks; a mode with set-group-ID from
     * someone outside the (new) group loses that bit.
     */
    public static SetAttributes applied(Stat file, SetAttributes change, Caller caller) {
        if (change.mode() != null) {
            int group = change.gid() != null ? change.gid() : file.gid();
            boolean mayKeep = caller.isRoot() || caller.inGroup(group) || (change.mode() & SET_GID) == 0;
            return mayKeep ? change : new SetAttributes(change.mode() & ~SET_GID, change.uid(), change.gid(),
                    change.size(), change.atimeNanos(), change.mtimeNanos());
        }
        if (change.uid() == null && change.gid() == null) {
            return change;
        }
        Integer mode = dropped(file);
        return mode == null ? change : new SetAttributes(mode, change.uid(), change.gid(), change.size(),
                change.atimeNanos(), change.mtimeNanos());
    }

    private static Integer dropped(Stat file) {
        if (file.type() != FileType.REGULAR) {
            return null;
        }
        int kill = SET_UID | ((file.mode() & GROUP_EXECUTE) != 0 ? SET_GID : 0);
        return (file.mode() & kill) == 0 ? null : file.mode() & ~kill;
    }
}
