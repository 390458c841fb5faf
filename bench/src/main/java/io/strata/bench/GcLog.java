package io.strata.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a unified JVM GC log ({@code -Xlog:gc}): each collection line says {@code before->after(capacity)}. */
final class GcLog {
    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->\\d+[KMG]\\(\\d+[KMG]\\)");

    private GcLog() {
    }

    /** The largest heap in use before a collection, in MiB (0 if the log has no collection). */
    static long peakHeapMiB(String log) {
        long peakKb = 0;
        Matcher m = HEAP.matcher(log);
        while (m.find()) {
            long v = Long.parseLong(m.group(1));
            long kb = switch (m.group(2)) {
                case "K" -> v;
                case "M" -> v << 10;
                default -> v << 20;
            };
            peakKb = Math.max(peakKb, kb);
        }
        return peakKb >> 10;
    }
}
