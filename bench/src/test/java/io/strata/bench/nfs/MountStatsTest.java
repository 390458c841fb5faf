package io.strata.bench.nfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountStatsTest {
    // Per-op lines as Debian 12's kernel (6.1) prints them, before and after creating 1,000 files over NFSv3.
    private static final String BEFORE = """
            \t        NULL: 1 1 0 44 24 4 9 13 0
            \t      LOOKUP: 0 0 0 0 0 0 0 0 0
            \t      ACCESS: 1 1 0 112 120 0 4 4 0
            \t      CREATE: 0 0 0 0 0 0 0 0 0
            \t       MKDIR: 1 1 0 144 272 0 34 35 0
            """;
    private static final String AFTER = """
            \t        NULL: 1 1 0 44 24 4 9 13 0
            \t      LOOKUP: 1000 1000 0 116004 116000 59 1776 2338 1000
            \t      ACCESS: 2 2 0 224 240 0 6 7 0
            \t      CREATE: 1000 1000 0 152000 264000 21 3921 4492 0
            \t       MKDIR: 1 1 0 144 272 0 34 35 0
            """;

    @Test
    void readsCallsAndRoundTripsOfEachKindInTheKernelsOrder() {
        Map<String, MountStats.Calls> calls = MountStats.parse(AFTER);
        assertEquals(List.of("NULL", "LOOKUP", "ACCESS", "CREATE", "MKDIR"), List.copyOf(calls.keySet()));
        assertEquals(new MountStats.Calls(1000, 3921), calls.get("CREATE"));
    }

    @Test
    void meanRoundTripsCoverOnlyKindsCalledOftenEnoughBetweenTheSnapshots() {
        Map<String, Double> means = MountStats.meanRoundTrips(MountStats.parse(BEFORE), MountStats.parse(AFTER), 500);
        assertEquals(List.of("LOOKUP", "CREATE"), List.copyOf(means.keySet()));
        assertEquals(1.776, means.get("LOOKUP"), 1e-9);
        assertEquals(3.921, means.get("CREATE"), 1e-9);
    }

    @Test
    void aKindMissingBeforeCountsFromZero() {
        Map<String, Double> means = MountStats.meanRoundTrips(Map.of(), MountStats.parse(AFTER), 1);
        assertEquals(List.of("NULL", "LOOKUP", "ACCESS", "CREATE", "MKDIR"), List.copyOf(means.keySet()));
        assertEquals(3.0, means.get("ACCESS"), 1e-9);
        assertEquals(34.0, means.get("MKDIR"), 1e-9);
    }
}
