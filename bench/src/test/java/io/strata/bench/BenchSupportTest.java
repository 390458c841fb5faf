package io.strata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSupportTest {
    @Test
    void theServerFirstInOneRepeatGoesSecondInTheNext() {
        List<String> servers = List.of("strata", "s3proxy");
        assertEquals(List.of("strata", "s3proxy"), BenchSupport.turnOrder(servers, 0));
        assertEquals(List.of("s3proxy", "strata"), BenchSupport.turnOrder(servers, 1));
        assertEquals(List.of("strata", "s3proxy"), BenchSupport.turnOrder(servers, 2));
        assertEquals(List.of("strata", "s3proxy"), servers, "the caller's list is left as it was");
    }

    @Test
    void aLoneServerRunsEveryTurn() {
        assertEquals(List.of("strata"), BenchSupport.turnOrder(List.of("strata"), 1));
    }
}
