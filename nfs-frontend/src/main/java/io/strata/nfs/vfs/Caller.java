package io.strata.nfs.vfs;

/**
 * Who asks, from the RPC credential after root squashing: AUTH_SYS uid, gid and supplementary groups
 * (AUTH_NONE maps to the anonymous ids).
 */
public record Caller(int uid, int gid, int[] groups) {
    public boolean isRoot() {
        return uid == 0;
    }

    public boolean inGroup(int g) {
        if (g == gid) {
            return true;
        }
        for (int x : groups) {
            if (x == g) {
                return true;
            }
        }
        return false;
    }
}
