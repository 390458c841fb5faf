package io.strata.nfs.v3.proc;

/** RMDIR: removes an empty directory; in the "/" export, an empty bucket. */
public final class Rmdir3 extends NameRemoval {
    @Override
    boolean directory() {
        return true;
    }
}
