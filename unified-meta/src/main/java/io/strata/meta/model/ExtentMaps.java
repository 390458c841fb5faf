package io.strata.meta.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pure functions over a file's extent list (sorted by offset, non-overlapping). NFS writes land in new blobs and are
 * laid over the extents already published, so a write in the middle of a file never copies the rest of it.
 */
public final class ExtentMaps {
    private ExtentMaps() {
    }

    /** {@code base} with every range that an extent of {@code top} covers taken from {@code top}. */
    public static List<Extent> overlay(List<Extent> base, List<Extent> top) {
        List<Extent> out = new ArrayList<>(base.size() + top.size());
        List<Extent> sortedTop = new ArrayList<>(top);
        sortedTop.sort(java.util.Comparator.comparingLong(Extent::offset));
        for (Extent b : base) {
            cutAround(b, sortedTop, out);
        }
        out.addAll(sortedTop);
        out.sort(java.util.Comparator.comparingLong(Extent::offset));
        return merged(out);
    }

    /** The extents clipped to {@code size} bytes: what a truncation keeps. */
    public static List<Extent> truncate(List<Extent> extents, long size) {
        List<Extent> out = new ArrayList<>(extents.size());
        for (Extent e : extents) {
            if (e.offset() >= size) {
                break;
            }
            out.add(e.end() <= size ? e : new Extent(e.offset(), size - e.offset(), e.blob(), e.blobOffset()));
        }
        return out;
    }

    /** The extents without the bytes in {@code [from, to)}: a punched hole, which reads as zeros. */
    public static List<Extent> punch(List<Extent> extents, long from, long to) {
        List<Extent> out = new ArrayList<>(extents.size() + 1);
        for (Extent e : extents) {
            if (e.end() <= from || e.offset() >= to) {
                out.add(e);
                continue;
            }
            if (e.offset() < from) {
                out.add(slice(e, e.offset(), from));
            }
            if (e.end() > to) {
                out.add(slice(e, to, e.end()));
            }
        }
        return out;
    }

    public static Set<BlobRef> blobs(List<Extent> extents) {
        Set<BlobRef> out = new HashSet<>();
        extents.forEach(e -> out.add(e.blob()));
        return out;
    }

    /** Blobs {@code before} used that are not in {@code stillUsed}: what a change of content releases. */
    public static Set<BlobRef> releasedBy(List<Extent> before, Set<BlobRef> stillUsed) {
        Set<BlobRef> gone = blobs(before);
        gone.removeAll(stillUsed);
        return gone;
    }

    /** Bytes the extents cover (a sparse file's holes excluded). */
    public static long covered(List<Extent> extents) {
        long n = 0;
        for (Extent e : extents) {
            n += e.length();
        }
        return n;
    }

    /** Adds to {@code out} the parts of {@code b} that no extent of {@code top} covers. */
    private static void cutAround(Extent b, List<Extent> top, List<Extent> out) {
        long pos = b.offset();
        for (Extent t : top) {
            if (t.end() <= pos) {
                continue;
            }
            if (t.offset() >= b.end()) {
                break;
            }
            if (t.offset() > pos) {
                out.add(slice(b, pos, t.offset()));
            }
            pos = Math.max(pos, t.end());
            if (pos >= b.end()) {
                return;
            }
        }
        if (pos < b.end()) {
            out.add(slice(b, pos, b.end()));
        }
    }

    private static Extent slice(Extent e, long from, long to) {
        return new Extent(from, to - from, e.blob(), e.blobOffset() + (from - e.offset()));
    }

    /** Joins neighbours that continue each other in the same blob (sequential NFS writes become one extent). */
    private static List<Extent> merged(List<Extent> sorted) {
        List<Extent> out = new ArrayList<>(sorted.size());
        for (Extent e : sorted) {
            if (e.length() == 0) {
                continue;
            }
            Extent last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.end() == e.offset() && last.blob().equals(e.blob())
                    && last.blobOffset() + last.length() == e.blobOffset()) {
                out.set(out.size() - 1, new Extent(last.offset(), last.length() + e.length(), e.blob(),
                        last.blobOffset()));
            } else {
                out.add(e);
            }
        }
        return out;
    }
}
