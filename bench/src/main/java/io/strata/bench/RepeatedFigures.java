package io.strata.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each row's figures, per server column (0 Strata, 1 the peer) and repeat. One measurement of a row varies by up
 * to 30% on these shared machines, so the table of record keeps each server's median.
 */
public final class RepeatedFigures {
    private final int repeats;
    private final Map<String, double[][]> figures = new LinkedHashMap<>();

    public RepeatedFigures(int repeats) {
        this.repeats = repeats;
    }

    public void put(String row, int column, int repeat, double value) {
        figures.computeIfAbsent(row, k -> new double[2][repeats])[column][repeat] = value;
    }

    /** Puts each row's median per column into {@code rows}, in the order the rows were first measured. */
    public void mediansInto(Map<String, double[]> rows) {
        figures.forEach((row, f) -> {
            double[] medians = rows.computeIfAbsent(row, k -> new double[2]);
            for (int column = 0; column < f.length; column++) {
                medians[column] = median(f[column]);
            }
        });
    }

    /** The median of one server's repeats (the upper one of an even count). */
    private static double median(double[] figures) {
        double[] sorted = figures.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
