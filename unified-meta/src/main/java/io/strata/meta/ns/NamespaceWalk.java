package io.strata.meta.ns;

import io.strata.meta.model.Bucket;
import io.strata.meta.model.DirEntry;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Visits every regular file of the namespace with its bucket and path, a page of directory entries and one batch of
 * inode reads at a time, so that memory stays bounded by the depth of the tree, not its size. Not a snapshot: a
 * file created or renamed during the walk may be seen once, twice (hard links: once per name) or not at all.
 */
public final class NamespaceWalk {
    private static final int PAGE = 1000;

    private final BucketCatalog buckets;
    private final DirectoryTable dirs;
    private final InodeTable inodes;

    public NamespaceWalk(BucketCatalog buckets, DirectoryTable dirs, InodeTable inodes) {
        this.buckets = buckets;
        this.dirs = dirs;
        this.inodes = inodes;
    }

    /** A file and one of its names. */
    public record FileVisit(String bucket, String path, Inode inode) {
    }

    public void forEachFile(Consumer<FileVisit> visitor) {
        for (Bucket b : buckets.list()) {
            forEachFile(b, visitor);
        }
    }

    public void forEachFile(Bucket bucket, Consumer<FileVisit> visitor) {
        Deque<Dir> pending = new ArrayDeque<>();
        pending.push(new Dir(bucket.rootInodeId(), ""));
        while (!pending.isEmpty()) {
            Dir dir = pending.pop();
            long cookie = 0;
            while (true) {
                List<DirectoryTable.CookieEntry> page = dirs.pageByCookie(dir.id, cookie, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                List<DirEntry> files = new ArrayList<>(page.size());
                for (DirectoryTable.CookieEntry ce : page) {
                    DirEntry e = ce.entry();
                    if (e.type() == InodeType.DIRECTORY) {
                        pending.push(new Dir(e.inodeId(), dir.path + e.name() + "/"));
                    } else if (e.type() == InodeType.FILE) {
                        files.add(e);
                    }
                    cookie = ce.cookie();
                }
                visit(bucket.name(), dir.path, files, visitor);
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
    }

    private void visit(String bucket, String dirPath, List<DirEntry> files, Consumer<FileVisit> visitor) {
        if (files.isEmpty()) {
            return;
        }
        Map<Long, Inode> found = inodes.getAll(files.stream().map(DirEntry::inodeId).toList());
        for (DirEntry e : files) {
            Inode inode = found.get(e.inodeId());
            if (inode != null) { // removed since the page was read
                visitor.accept(new FileVisit(bucket, dirPath + e.name(), inode));
            }
        }
    }

    private record Dir(long id, String path) {
    }
}
