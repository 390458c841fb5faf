package io.strata.nfs.namespace;

import io.strata.meta.model.ExtentMaps;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import io.strata.nfs.vfs.FileId;
import io.strata.nfs.vfs.FileType;
import io.strata.nfs.vfs.Stat;
import io.strata.tiering.files.FileStore;

/**
 * Inode to NFS attributes. A file's size and mtime include writes not yet committed; a directory's mtime is the
 * latest change of its entries (kept apart from the inode so that creates in one directory do not conflict).
 *
 * The NFSv4 change attribute is the reported ctime plus the inode's version: both only grow, so the sum grows
 * whenever either does, which covers what the version alone misses (a directory's entries, uncommitted writes).
 * Clients compare it for ordering, not only equality, so it must never go back.
 */
final class Stats {
    private final FileStore files;

    Stats(FileStore files) {
        this.files = files;
    }

    Stat of(Inode inode) {
        FileId id = new FileId(inode.id(), inode.generation());
        var p = inode.posix();
        return switch (inode.type()) {
            case DIRECTORY -> {
                long changed = Math.max(p.mtimeNanos(), files.tree().entriesChanged(inode.id()));
                long ctime = Math.max(p.ctimeNanos(), changed);
                yield new Stat(id, FileType.DIRECTORY, p.mode(), p.nlink(), p.uid(), p.gid(), 4096, 4096,
                        p.atimeNanos(), changed, ctime, ctime + inode.version());
            }
            case SYMLINK -> new Stat(id, FileType.SYMLINK, p.mode(), p.nlink(), p.uid(), p.gid(), inode.size(), 0,
                    p.atimeNanos(), p.mtimeNanos(), p.ctimeNanos(), p.ctimeNanos() + inode.version());
            case FIFO, SOCKET -> new Stat(id, inode.type() == InodeType.FIFO ? FileType.FIFO : FileType.SOCKET,
                    p.mode(), p.nlink(), p.uid(), p.gid(), 0, 0, p.atimeNanos(), p.mtimeNanos(), p.ctimeNanos(),
                    p.ctimeNanos() + inode.version());
            case FILE -> {
                FileStore.FileView view = files.view(inode);
                long used = Math.max(ExtentMaps.covered(inode.extents()), view.size() - inode.size());
                long ctime = Math.max(p.ctimeNanos(), view.mtimeNanos());
                yield new Stat(id, FileType.REGULAR, p.mode(), p.nlink(), p.uid(), p.gid(), view.size(), used,
                        p.atimeNanos(), view.mtimeNanos(), ctime, ctime + inode.version());
            }
        };
    }
}
