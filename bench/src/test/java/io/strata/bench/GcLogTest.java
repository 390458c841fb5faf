package io.strata.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GcLogTest {
    @Test
    void peaksAreTheLargestHeapsBeforeAndAfterAnyCollection() {
        String log = """
                [0.012s][info][gc] Using G1
                [1.503s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->6M(64M) 4.120ms
                [7.870s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 301M->120M(512M) 9.001ms
                [7.990s][info][gc] GC(2) Pause Remark 130M->130M(512M) 1.002ms
                [9.100s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 1G->200M(2G) 12.0ms
                """;
        assertEquals(new GcLog.Peaks(1024, 200), GcLog.peaks(log));
        assertEquals(new GcLog.Peaks(301, 130), GcLog.peaks(log.lines().limit(4).reduce("", (a, b) -> a + b + "\n")));
    }

    @Test
    void kibibytesRoundDownAndNoCollectionIsZero() {
        assertEquals(new GcLog.Peaks(2, 0),
                GcLog.peaks("[1s][info][gc] GC(0) Pause Full (System.gc()) 3000K->100K(8192K) 1ms"));
        assertEquals(new GcLog.Peaks(0, 0), GcLog.peaks("[0.012s][info][gc] Using G1\n"));
    }
}
