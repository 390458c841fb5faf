package io.strata.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** {@code moves [--watch]}, {@code move cancel <id>}. */
final class MoveCommands {
    private MoveCommands() {
    }

    static List<Command> commands() {
        return List.of(
                Command.of("moves", "[--watch]", "queued, running and recent moves; --watch follows them until "
                        + "none is left", MoveCommands::moves, "--watch"),
                Command.of("move cancel", "<id>", "cancel a queued or running move (the file stays where it was)",
                        MoveCommands::cancel));
    }

    static int moves(CliContext ctx, CliArgs args) {
        args.atMostWords(0, "moves");
        if (args.has("--watch") && !ctx.json()) {
            return new MovesWatch(ctx).run();
        }
        JsonNode list = ctx.client().get("/api/v1/moves");
        if (!ctx.printedJson(list)) {
            ctx.printAll(table(list.path("moves")).lines());
        }
        return 0;
    }

    static Table table(JsonNode moves) {
        Table t = new Table("ID", "STATE", "FILE", "FROM", "TO", "DONE", "SIZE").right(5, 6);
        for (JsonNode m : moves) {
            JsonNode plan = m.path("plan");
            long bytes = plan.path("bytes").asLong();
            long copied = m.path("state").asText().equals("done") ? bytes : m.path("bytesCopied").asLong();
            t.add(m.path("id").asText(), m.path("state").asText(),
                    plan.path("bucket").asText() + "/" + plan.path("path").asText(), plan.path("fromVolume").asText("-"),
                    plan.path("toVolume").asText(), (bytes == 0 ? 100 : Math.min(100, copied * 100 / bytes)) + "%",
                    Sizes.bytes(bytes));
        }
        return t;
    }

    static int cancel(CliContext ctx, CliArgs args) {
        args.atMostWords(1, "move cancel");
        String id = args.word(0, "the move id");
        JsonNode m = ctx.client().delete("/api/v1/moves/" + AdminClient.segment(id));
        if (!ctx.printedJson(m)) {
            ctx.println("Move " + id + " is " + m.path("state").asText()
                    + (m.hasNonNull("error") ? " (" + m.get("error").asText() + ")" : ""));
        }
        return 0;
    }
}
