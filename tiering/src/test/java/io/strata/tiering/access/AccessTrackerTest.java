package io.strata.tiering.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.meta.ns.AccessTimes;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.Test;

/**
 * {@link AccessTimes} is final, but it only calls {@code putAll} and {@code getAll} on an {@link IgniteCache}, an
 * interface: a proxy stands in for the grid, so no Ignite node starts.
 */
class AccessTrackerTest {
    private static final Duration HOUR = Duration.ofHours(1);

    /** Every batch written to the table, in order; the table's content. */
    private final List<Map<Long, Long>> batches = new ArrayList<>();
    private final Map<Long, Long> table = new HashMap<>();
    private final AccessTimes times = new AccessTimes(fakeCache(), 0);

    @SuppressWarnings("unchecked")
    private IgniteCache<Long, Long> fakeCache() {
        return (IgniteCache<Long, Long>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IgniteCache.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "putAll" -> {
                            Map<Long, Long> batch = new HashMap<>((Map<Long, Long>) args[0]);
                            batches.add(batch);
                            table.putAll(batch);
                            return null;
                        }
                        case "getAll" -> {
                            Map<Long, Long> out = new HashMap<>();
                            for (Long id : (Set<Long>) args[0]) {
                                if (table.containsKey(id)) {
                                    out.put(id, table.get(id));
                                }
                            }
                            return out;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "toString" -> {
                            return "fake access-time cache";
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void aReadIsWrittenDownWithItsTimeOnFlush() {
        AccessTracker tracker = new AccessTracker(times, HOUR, HOUR);
        long before = System.currentTimeMillis();
        tracker.touched(7);
        long after = System.currentTimeMillis();
        assertTrue(batches.isEmpty(), "reads are batched, not written one by one");

        tracker.flush();
        assertEquals(1, batches.size());
        long t = batches.get(0).get(7L);
        assertTrue(t >= before && t <= after, "recorded " + t + ", read between " + before + " and " + after);
        assertEquals(Map.of(7L, t), tracker.lastAccess(List.of(7L, 8L)), "a file never read has no entry");
    }

    @Test
    void readsWithinTheGranularityAreNotWrittenAgain() {
        AccessTracker tracker = new AccessTracker(times, HOUR, HOUR);
        tracker.touched(7);
        tracker.flush();
        tracker.touched(7);
        tracker.touched(7);
        tracker.flush();
        assertEquals(1, batches.size(), "a hot file costs one write per granularity, not one per read");
    }

    @Test
    void readsOfManyFilesGoInOneBatch() {
        AccessTracker tracker = new AccessTracker(times, HOUR, HOUR);
        tracker.touched(1);
        tracker.touched(2);
        tracker.touched(3);
        tracker.touched(2);
        tracker.flush();
        assertEquals(1, batches.size());
        assertEquals(Set.of(1L, 2L, 3L), batches.get(0).keySet());
    }

    @Test
    void aZeroGranularityRecordsEveryRead() {
        AccessTracker tracker = new AccessTracker(times, Duration.ZERO, HOUR);
        tracker.touched(7);
        tracker.flush();
        tracker.touched(7);
        tracker.flush();
        assertEquals(2, batches.size());
    }

    @Test
    void aReadFlushesByItselfOnceTheFlushIntervalPassed() {
        AccessTracker tracker = new AccessTracker(times, HOUR, Duration.ZERO);
        tracker.touched(7);
        assertEquals(1, batches.size());
        assertTrue(batches.get(0).containsKey(7L));
    }

    @Test
    void flushingWithNothingPendingWritesNothing() {
        AccessTracker tracker = new AccessTracker(times, HOUR, HOUR);
        tracker.flush();
        tracker.touched(7);
        tracker.flush();
        tracker.flush();
        assertEquals(1, batches.size(), "an empty batch would still be a grid round trip");
    }

    @Test
    void lastAccessReadsWhatAnyNodeRecorded() {
        table.put(5L, 1234L);
        AccessTracker tracker = new AccessTracker(times, HOUR, HOUR);
        assertEquals(Map.of(5L, 1234L), tracker.lastAccess(List.of(5L, 6L)));
    }

    @Test
    void aColdReadIsReportedToTheListener() {
        AccessTracker tracker = new AccessTracker(times, HOUR, HOUR);
        tracker.coldRead(1); // no listener yet: nothing to tell, nothing to fail
        List<Long> heard = new ArrayList<>();
        tracker.onColdRead(heard::add);
        tracker.coldRead(9);
        tracker.coldRead(9);
        assertEquals(List.of(9L, 9L), heard);
        assertTrue(batches.isEmpty(), "a cold read is not by itself an access to record");
    }
}
