package io.strata.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Refreshes the mover's progress every second until no move is queued or running. On a terminal the display is
 * redrawn in place; otherwise (a log file, a pipe) only lines that changed are printed, so the output stays readable.
 */
final class MovesWatch {
    static final long REFRESH_MILLIS = 1000;
    private static final String UP = "\u001b[%dA";
    private static final String CLEAR_DOWN = "\u001b[J";

    private final CliContext ctx;
    private int drawnLines;
    private Set<String> printed = new HashSet<>();

    MovesWatch(CliContext ctx) {
        this.ctx = ctx;
    }

    int run() {
        while (true) {
            JsonNode moves = ctx.client().get("/api/v1/moves").path("moves");
            List<String> lines = ProgressView.render(moves);
            if (ctx.terminal()) {
                redraw(lines);
            } else {
                printChanged(lines);
            }
            if (!ProgressView.anyActive(moves)) {
                return 0;
            }
            try {
                ctx.sleeper().sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    private void redraw(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        if (drawnLines > 0) {
            sb.append(String.format(UP, drawnLines)).append(CLEAR_DOWN);
        }
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        ctx.out().print(sb);
        ctx.out().flush();
        drawnLines = lines.size();
    }

    private void printChanged(List<String> lines) {
        Set<String> now = new HashSet<>(lines);
        for (String l : lines) {
            if (!printed.contains(l)) {
                ctx.println(l);
            }
        }
        ctx.out().flush();
        printed = now;
    }
}
