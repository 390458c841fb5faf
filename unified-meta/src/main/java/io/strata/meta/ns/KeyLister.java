package io.strata.meta.ns;

import io.strata.meta.key.Utf8Order;
import io.strata.meta.model.Bucket;
import io.strata.meta.model.Inode;
import io.strata.meta.model.InodeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists keys in S3 order by walking directories depth first, each directory through its sorted index: a
 * directory sorts as {@code name/}, so the walk meets keys in UTF-8 byte order. A page holds at most maxKeys
 * entries and reads directories a batch at a time, never whole. With delimiter '/', a directory is one common
 * prefix and is not entered. Comparisons happen in the sortable form (see {@link Utf8Order}).
 */
public final class KeyLister {
    private static final int BATCH = 256;

    private final BucketCatalog buckets;
    private final ObjectCatalog objects;
    private final DirectoryTable dirs;
    private final InodeTable inodes;

    public KeyLister(BucketCatalog buckets, ObjectCatalog objects, DirectoryTable dirs, InodeTable inodes) {
        this.buckets = buckets;
        this.objects = objects;
        this.dirs = dirs;
        this.inodes = inodes;
    }

    public ListPage list(String bucketName, ListQuery query) {
        Bucket bucket = buckets.require(bucketName);
        Page page = new Page(query);
        if (query.maxKeys() <= 0) {
            return page.result();
        }
        String prefix = query.prefix();
        int cut = prefix.lastIndexOf('/');
        String dirPath = prefix.substring(0, cut + 1);
        long dirId = dirPath.isEmpty() ? bucket.rootInodeId() : directoryOf(bucket, dirPath);
        if (dirId < 0) {
            return page.result();
        }
        if (!dirPath.isEmpty() && cut == prefix.length() - 1) {
            Inode dir = inodes.get(dirId);
            if (dir != null && dir.object() != null) {
                page.offerKey(dirPath, dir);
            }
        }
        walk(dirId, dirPath, Utf8Order.sortable(dirPath), Utf8Order.sortable(prefix.substring(cut + 1)), page);
        return page.result();
    }

    private long directoryOf(Bucket bucket, String dirPath) {
        String[] parts = dirPath.substring(0, dirPath.length() - 1).split("/", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.equals(".") || p.equals("..")) {
                return -1;
            }
        }
        return objects.resolveDirectory(bucket, List.of(parts));
    }

    /** Walks one directory whose keys start with {@code path}; only names starting with {@code namePrefix}. */
    private void walk(long dirId, String path, String sPath, String sNamePrefix, Page page) {
        String seek = sNamePrefix;
        boolean inclusive = true;
        String after = page.afterSortable;
        if (after != null && after.startsWith(sPath)) {
            String rem = after.substring(sPath.length());
            int slash = rem.indexOf('/');
            String local = slash < 0 ? rem : rem.substring(0, slash + 1);
            boolean descendInto = slash >= 0;
            int c = local.compareTo(seek);
            if (c > 0 || (c == 0 && !descendInto)) {
                seek = local;
                inclusive = descendInto;
            }
        }
        while (!page.full()) {
            List<DirectoryTable.Entry> batch = dirs.page(dirId, seek, inclusive, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            Map<Long, Inode> batchInodes = inodesOf(batch, page.query.delimiter());
            for (DirectoryTable.Entry e : batch) {
                if (!e.sortKey().startsWith(sNamePrefix)) {
                    return;
                }
                if (!visit(e, path, sPath, batchInodes, page)) {
                    return;
                }
            }
            DirectoryTable.Entry last = batch.get(batch.size() - 1);
            seek = last.sortKey();
            inclusive = false;
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    /** Returns false once the page is full. */
    private boolean visit(DirectoryTable.Entry e, String path, String sPath, Map<Long, Inode> batchInodes, Page page) {
        String name = e.entry().name();
        if (e.entry().type() != InodeType.DIRECTORY) {
            Inode inode = batchInodes.get(e.entry().inodeId());
            if (inode != null && inode.isFile()) { // symlinks made over NFS are not objects
                page.offerKey(path + name, inode);
            }
            return !page.full();
        }
        String childPath = path + name + "/";
        if ("/".equals(page.query.delimiter())) {
            page.offerPrefix(childPath);
            return !page.full();
        }
        Inode dir = batchInodes.get(e.entry().inodeId());
        if (dir != null && dir.object() != null) {
            page.offerKey(childPath, dir);
        }
        if (!page.full()) {
            walk(e.entry().inodeId(), childPath, sPath + e.sortKey(), "", page);
        }
        return !page.full();
    }

    private Map<Long, Inode> inodesOf(List<DirectoryTable.Entry> batch, String delimiter) {
        List<Long> ids = new ArrayList<>(batch.size());
        for (DirectoryTable.Entry e : batch) {
            if (e.entry().type() != InodeType.DIRECTORY || !"/".equals(delimiter)) {
                ids.add(e.entry().inodeId());
            }
        }
        return ids.isEmpty() ? new HashMap<>() : inodes.getAll(ids);
    }

    /** Collects a page: applies the resume point and the delimiter grouping, and counts toward maxKeys. */
    private static final class Page {
        final ListQuery query;
        final String afterSortable;
        final List<ListPage.Item> objects = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        String lastPrefix;
        ResumePoint last;
        boolean more;

        Page(ListQuery query) {
            this.query = query;
            this.afterSortable = query.after() == null ? null : query.after().sortable();
        }

        boolean full() {
            return more;
        }

        void offerKey(String key, Inode inode) {
            if (!key.startsWith(query.prefix()) || !isAfter(Utf8Order.sortable(key))) {
                return;
            }
            String d = query.delimiter();
            if (d != null) {
                int at = key.indexOf(d, query.prefix().length());
                if (at >= 0) {
                    offerPrefix(key.substring(0, at + d.length()));
                    return;
                }
            }
            if (count() >= query.maxKeys()) {
                more = true;
                return;
            }
            objects.add(new ListPage.Item(key, inode));
            last = new ResumePoint(key, false);
        }

        void offerPrefix(String prefix) {
            if (prefix.equals(lastPrefix) || !isAfter(Utf8Order.sortable(prefix) + '\u0100')) {
                return;
            }
            if (count() >= query.maxKeys()) {
                more = true;
                return;
            }
            prefixes.add(prefix);
            lastPrefix = prefix;
            last = new ResumePoint(prefix, true);
        }

        private boolean isAfter(String sortable) {
            return afterSortable == null || sortable.compareTo(afterSortable) > 0;
        }

        private int count() {
            return objects.size() + prefixes.size();
        }

        ListPage result() {
            return new ListPage(objects, prefixes, more ? last : null);
        }
    }
}
