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
                yield new Stat(id, FileType.DIRECTORY, p.mode(), p.nlink(), p.uid(), p.gid(), 4096, 4096,
                        p.atimeNanos(), changed, Math.max(p.ctimeNanos(), changed), inode.version());
            }
            case SYMLINK -> new Stat(id, FileType.SYMLINK, p.mode(), p.nlink(), p.uid(), p.gid(), inode.size(), 0,
                    p.atimeNanos(), p.mtimeNanos(), p.ctimeNanos(), inode.version());
            case FIFO, SOCKET -> new Stat(id, inode.type() == InodeType.FIFO ? FileType.FIFO : FileType.SOCKET,
                    p.mode(), p.nlink(), p.uid(), p.gid(), 0, 0, p.atimeNanos(), p.mtimeNanos(), p.ctimeNanos(),
                    inode.version());
            case FILE -> {
                FileStore.FileView view = files.view(inode);
                long used = Math.max(ExtentMaps.covered(inode.extents()), view.size() - inode.size());
                yield new Stat(id, FileType.REGULAR, p.mode(), p.nlink(), p.uid(), p.gid(), view.size(), used,
                        p.atimeNanos(), view.mtimeNanos(), Math.max(p.ctimeNanos(), view.mtimeNanos()),
                        inode.version());
            }
        };
    }
}
