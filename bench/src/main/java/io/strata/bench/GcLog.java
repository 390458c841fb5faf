package io.strata.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a unified JVM GC log ({@code -Xlog:gc}): each collection line says {@code before->after(capacity)}. */
final class GcLog {
    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    private GcLog() {
    }

    /**
     * The heap's high marks, in MiB (0 where the log has no collection): {@code beforeCollection} includes garbage
     * and grows with the heap the JVM is given; {@code afterCollection}, what survived, is what the server needs.
     */
    record Peaks(long beforeCollection, long afterCollection) {
    }

    static Peaks peaks(String log) {
        long beforeKb = 0;
        long afterKb = 0;
        Matcher m = HEAP.matcher(log);
        while (m.find()) {
            beforeKb = Math.max(beforeKb, kibibytes(m.group(1), m.group(2)));
            afterKb = Math.max(afterKb, kibibytes(m.group(3), m.group(4)));
        }
        return new Peaks(beforeKb >> 10, afterKb >> 10);
    }

    private static long kibibytes(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v;
            case "M" -> v << 10;
            default -> v << 20;
        };
    }
}
