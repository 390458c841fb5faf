package io.strata.tiering.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A set of byte ranges {@code [start, end)}, kept merged. Not thread-safe: its owner locks. */
final class RangeSet {
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    void add(long start, long end) {
        if (end <= start) {
            return;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            ranges.remove(next.getKey());
            next = ranges.ceilingEntry(start);
        }
        ranges.put(start, end);
    }

    /** The end of the range that contains {@code pos}, or {@code pos} if none does. */
    long contiguousEnd(long pos) {
        Map.Entry<Long, Long> e = ranges.floorEntry(pos);
        return e != null && e.getValue() > pos ? e.getValue() : pos;
    }

    /** The ranges overlapping {@code [start, end)}, clipped to it. */
    List<long[]> within(long start, long end) {
        List<long[]> out = new ArrayList<>();
        Map.Entry<Long, Long> first = ranges.floorEntry(start);
        Long from = first != null && first.getValue() > start ? first.getKey() : ranges.ceilingKey(start);
        if (from == null) {
            return out;
        }
        for (Map.Entry<Long, Long> e : ranges.tailMap(from, true).entrySet()) {
            if (e.getKey() >= end) {
                break;
            }
            out.add(new long[] {Math.max(start, e.getKey()), Math.min(end, e.getValue())});
        }
        return out;
    }

    List<long[]> all() {
        List<long[]> out = new ArrayList<>(ranges.size());
        ranges.forEach((s, e) -> out.add(new long[] {s, e}));
        return out;
    }

    long end() {
        return ranges.isEmpty() ? 0 : ranges.lastEntry().getValue();
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    void clear() {
        ranges.clear();
    }
}
