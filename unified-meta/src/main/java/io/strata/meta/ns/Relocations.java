package io.strata.meta.ns;

import io.strata.meta.ignite.Tx;
import io.strata.meta.model.Extent;
import io.strata.meta.model.ExtentMaps;
import io.strata.meta.model.Inode;

import java.util.List;

/**
 * Switches where a file's bytes sit, and nothing else: size, times, ETag, version and handle stay, so neither
 * protocol sees a move. The switch happens only if the file is exactly as it was when the copy began.
 */
public final class Relocations {
    private final InodeTable inodes;
    private final BlobLedger ledger;
    private final Tx tx;

    public Relocations(InodeTable inodes, BlobLedger ledger, Tx tx) {
        this.inodes = inodes;
        this.ledger = ledger;
        this.tx = tx;
    }

    /**
     * Replaces the extents of inode {@code id} by {@code moved} (same bytes, other blobs) if its version and extents
     * are still {@code expectedVersion} and {@code expectedExtents}. The blobs no longer referenced are released to
     * the reclaimer (which waits for their readers); the new ones leave the ledger.
     *
     * @return false when the file changed or disappeared meanwhile (the caller drops its copy and tries later)
     */
    public boolean relocate(long id, long expectedVersion, List<Extent> expectedExtents, List<Extent> moved) {
        return tx.run(() -> {
            Inode inode = inodes.get(id);
            if (inode == null || inode.version() != expectedVersion || !inode.extents().equals(expectedExtents)) {
                return false;
            }
            if (ExtentMaps.covered(moved) < ExtentMaps.covered(inode.extents())) {
                throw new IllegalArgumentException("a relocation must cover every byte the file has");
            }
            ledger.referenced(ExtentMaps.blobs(moved));
            ledger.released(ExtentMaps.releasedBy(inode.extents(), ExtentMaps.blobs(moved)));
            inodes.put(new Inode(inode.id(), inode.type(), inode.generation(), inode.parentId(), inode.version(),
                    inode.size(), inode.posix(), inode.object(), moved, inode.symlinkTarget()));
            return true;
        });
    }
}
