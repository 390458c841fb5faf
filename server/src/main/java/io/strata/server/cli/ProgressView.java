package io.strata.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the mover's state: one line per unfinished move with a bar, then the totals. Pure, for tests. */
final class ProgressView {
    static final int BAR = 24;

    private ProgressView() {
    }

    /** True while any move is queued or running: the watch keeps refreshing. */
    static boolean anyActive(JsonNode moves) {
        for (JsonNode m : moves) {
            if (!m.path("finished").asBoolean()) {
                return true;
            }
        }
        return false;
    }

    /** Lines for unfinished moves, then one totals line. */
    static List<String> render(JsonNode moves) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : moves) {
            if (!m.path("finished").asBoolean()) {
                out.add(line(m));
            }
        }
        out.add(totals(moves));
        return out;
    }

    /** {@code demo/a.bin  nas-1 -> cloud-1  [######------]  52%  5.2 MiB / 10.0 MiB  copying}. */
    static String line(JsonNode m) {
        JsonNode plan = m.path("plan");
        long total = plan.path("bytes").asLong();
        long copied = Math.min(m.path("bytesCopied").asLong(), total);
        int percent = total == 0 ? 0 : (int) (copied * 100 / total);
        int filled = total == 0 ? 0 : (int) (copied * BAR / total);
        String state = m.path("state").asText();
        if (m.path("attempts").asInt() > 1) {
            state += " (attempt " + m.path("attempts").asInt() + ")";
        }
        return String.format(Locale.ROOT, "%s  %s -> %s  [%s%s] %3d%%  %s / %s  %s",
                plan.path("bucket").asText() + "/" + plan.path("path").asText(), plan.path("fromVolume").asText("-"),
                plan.path("toVolume").asText(), "#".repeat(filled), "-".repeat(BAR - filled), percent,
                Sizes.bytes(copied), Sizes.bytes(total), state);
    }

    /** {@code 1 running, 2 queued, 3 done, 0 failed, 0 cancelled; 12.0 MiB of 40.0 MiB copied}. */
    static String totals(JsonNode moves) {
        int running = 0;
        int queued = 0;
        int done = 0;
        int failed = 0;
        int cancelled = 0;
        long copied = 0;
        long total = 0;
        for (JsonNode m : moves) {
            String state = m.path("state").asText();
            long bytes = m.path("plan").path("bytes").asLong();
            switch (state) {
                case "queued" -> queued++;
                case "done" -> done++;
                case "failed" -> failed++;
                case "cancelled" -> cancelled++;
                default -> running++;
            }
            if (!state.equals("failed") && !state.equals("cancelled")) {
                total += bytes;
                copied += state.equals("done") ? bytes : Math.min(m.path("bytesCopied").asLong(), bytes);
            }
        }
        return running + " running, " + queued + " queued, " + done + " done, " + failed + " failed, " + cancelled
                + " cancelled; " + Sizes.bytes(copied) + " of " + Sizes.bytes(total) + " copied";
    }
}
