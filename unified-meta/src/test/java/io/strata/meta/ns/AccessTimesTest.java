package io.strata.meta.ns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.ignite.IgniteCache;
import org.junit.jupiter.api.Test;

/**
 * Forgetting removed files' access times: rows go, and the cache is asked only about inodes that may have one (from
 * before start, or recorded since).
 */
class AccessTimesTest {
    /** Inode ids from here on were made since start. */
    private static final long FLOOR = 1_000;

    private final Map<Long, Long> table = new HashMap<>();
    /** The keys of each getAll, in order. */
    private final List<Set<Long>> lookups = new ArrayList<>();
    private final AccessTimes times = new AccessTimes(fakeCache(), FLOOR);

    @Test
    void onlyInodesThatMayHaveARowAreLookedUpAndTheirRowsGo() {
        table.put(5L, 1L); // recorded before start
        times.recordAll(Map.of(2_000L, 7L)); // made and read since start

        times.forgetAll(new TreeSet<>(Set.of(5L, 6L, 2_000L, 2_001L)));

        assertEquals(List.of(Set.of(5L, 6L, 2_000L)), lookups, "2001 was made since start and never read");
        assertEquals(Map.of(), table);
    }

    @Test
    void anInodeMadeSinceStartAndNeverReadCostsNoLookup() {
        times.recordAll(Map.of(3_000L, 7L));
        times.forgetAll(new TreeSet<>(Set.of(3_000L)));
        lookups.clear();

        times.forgetAll(new TreeSet<>(Set.of(3_000L, 3_001L))); // forgotten already, and never read

        assertEquals(List.of(), lookups);
        assertEquals(Map.of(), table);
    }

    @SuppressWarnings("unchecked")
    private IgniteCache<Long, Long> fakeCache() {
        return (IgniteCache<Long, Long>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IgniteCache.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "putAll" -> {
                        table.putAll((Map<Long, Long>) args[0]);
                        yield null;
                    }
                    case "getAll" -> {
                        Set<Long> keys = (Set<Long>) args[0];
                        lookups.add(Set.copyOf(keys));
                        Map<Long, Long> out = new HashMap<>();
                        keys.stream().filter(table::containsKey).forEach(k -> out.put(k, table.get(k)));
                        yield out;
                    }
                    case "removeAll" -> {
                        table.keySet().removeAll((Set<Long>) args[0]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake access-time cache";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
