package io.strata.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatedFiguresTest {
    @Test
    void eachServerGetsTheMedianOfItsRepeatsInTheOrderRowsWereMeasured() {
        RepeatedFigures figures = new RepeatedFigures(3);
        double[][] strataAndPeer = {{900, 1500, 1400}, {2000, 1700, 1800}};
        for (int rep = 0; rep < 3; rep++) {
            for (int column = 0; column < 2; column++) {
                figures.put("PUT 4 KiB (ops/s)", column, rep, strataAndPeer[column][rep]);
                figures.put("GET 4 KiB (ops/s)", column, rep, 10 * (rep + 1) + column);
            }
        }
        Map<String, double[]> rows = new LinkedHashMap<>();
        figures.mediansInto(rows);
        assertEquals(List.of("PUT 4 KiB (ops/s)", "GET 4 KiB (ops/s)"), List.copyOf(rows.keySet()));
        assertArrayEquals(new double[] {1400, 1800}, rows.get("PUT 4 KiB (ops/s)"));
        assertArrayEquals(new double[] {20, 21}, rows.get("GET 4 KiB (ops/s)"));
    }

    @Test
    void anEvenCountTakesTheUpperMiddleAndAnUnmeasuredPeerStaysZero() {
        RepeatedFigures figures = new RepeatedFigures(2);
        figures.put("seq read (MiB/s)", 0, 0, 1100);
        figures.put("seq read (MiB/s)", 0, 1, 1500);
        Map<String, double[]> rows = new LinkedHashMap<>();
        figures.mediansInto(rows);
        assertArrayEquals(new double[] {1500, 0}, rows.get("seq read (MiB/s)"));
    }
}
