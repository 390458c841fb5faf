package io.strata.nfs.v3.proc;

/** REMOVE a file or symlink name (RMDIR removes directories). */
public final class Remove3 extends NameRemoval {
    @Override
    boolean directory() {
        return false;
    }
}
