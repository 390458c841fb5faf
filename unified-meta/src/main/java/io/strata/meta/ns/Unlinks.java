package io.strata.meta.ns;

import io.strata.meta.model.ExtentMaps;
import io.strata.meta.model.Inode;
import java.util.Set;

/**
 * Removing one name of a file or symlink, as S3 deletes and NFS removes and renames both do: the inode and its
 * blobs go with its last name. Runs inside the caller's transaction.
 */
final class Unlinks {
    private final InodeTable inodes;
    private final DirectoryTable dirs;
    private final BlobLedger ledger;

    Unlinks(InodeTable inodes, DirectoryTable dirs, BlobLedger ledger) {
        this.inodes = inodes;
        this.dirs = dirs;
        this.ledger = ledger;
    }

    void unlink(long dirId, String name, Inode inode, long now) {
        dirs.unlink(dirId, name, inode.type(), now);
        int links = inode.posix().nlink() - 1;
        if (links > 0) {
            inodes.put(inode.withNlink(links, now));
            return;
        }
        inodes.remove(inode.id());
        ledger.released(ExtentMaps.releasedBy(inode.extents(), Set.of()));
    }
}
