package io.strata.bench.tier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results: label, Strata's figure, the peer's (if any) and their ratio (Strata / peer). */
public final class TierTable {
    private static final String ROW = "| %-52s | %10s | %10s | %7s | %-40s |";

    private record Row(String label, double strata, Double peer, String peerName) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    /** Adds a row and prints it at once, so that a run cut short still shows what it measured. */
    public void add(String label, double strata, double peer, String peerName) {
        add(new Row(label, strata, peer, peerName));
    }

    /** A row without a peer: only the absolute figure means something. */
    public void add(String label, double strata, String why) {
        add(new Row(label, strata, null, why));
    }

    /** A row the run could not measure; {@code why} is printed under the table. */
    public void notMeasured(String label, String why) {
        add(new Row(label, Double.NaN, null, "not measured, see below"));
        missing.add(label + ": " + why);
    }

    /** What could not be measured, empty when every row was. */
    public List<String> missing() {
        return List.copyOf(missing);
    }

    private void add(Row r) {
        rows.add(r);
        System.out.println("  " + format(r));
    }

    public void print() {
        System.out.println(String.format(Locale.ROOT, ROW, "row", "strata", "peer", "ratio", "peer is"));
        System.out.println("|" + "-".repeat(54) + "|" + "-".repeat(12) + "|" + "-".repeat(12) + "|" + "-".repeat(9)
                + "|" + "-".repeat(42) + "|");
        rows.forEach(r -> System.out.println(format(r)));
        missing.forEach(m -> System.out.println("NOT MEASURED " + m));
    }

    private static String format(Row r) {
        return String.format(Locale.ROOT, ROW, r.label, number(r.strata), r.peer == null ? "-" : number(r.peer),
                r.peer == null || r.peer == 0 ? "-" : String.format(Locale.ROOT, "%.2f", r.strata / r.peer),
                r.peerName);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
    }
}
