package io.strata.bench.tier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Moves every file of a bucket to a tier the way an admin does: publish a policy, apply it, watch the moves.
 * The time runs from the apply request until the last move is seen done, so it includes the evaluation and
 * queueing, as an admin waiting for the data to land would see it.
 */
public final class PolicyMove {
    private static final long POLL_MILLIS = 20;
    private static final long GIVE_UP_MINUTES = 15;

    private final AdminApi admin;

    public PolicyMove(AdminApi admin) {
        this.admin = admin;
    }

    /** What one policy application moved. */
    public record Result(int files, long bytes, double seconds) {
        public double mibPerSecond() {
            return bytes / (1024.0 * 1024) / seconds;
        }
    }

    /**
     * @param volume the one volume of {@code tier}, where the moves must land
     * @throws IOException when the plan is not the expected one, a move fails, or moves are still unfinished after
     *                     {@value #GIVE_UP_MINUTES} minutes; the message holds the server's JSON
     */
    public Result moveBucket(String bucket, String tier, String volume, int expectedFiles)
            throws IOException, InterruptedException {
        admin.call("PUT", "/api/v1/policies", "{\"comment\":\"tier bench: " + bucket + " to " + tier + "\","
                + "\"rules\":[{\"name\":\"bench-to-" + tier + "\",\"match\":{\"bucket\":\"" + bucket + "\"},"
                + "\"target\":{\"tier\":\"" + tier + "\"}}]}", 201);
        long start = System.nanoTime();
        JsonNode plan = admin.call("POST", "/api/v1/policies/apply", null, 200);
        if (plan.path("files").asInt() != expectedFiles) {
            throw new IOException("apply planned " + plan.path("files").asInt() + " moves, expected "
                    + expectedFiles + ": " + plan);
        }
        long deadline = start + TimeUnit.MINUTES.toNanos(GIVE_UP_MINUTES);
        Set<String> reported = new HashSet<>();
        while (true) {
            List<JsonNode> ours = movesOf(admin.get("/api/v1/moves"), bucket, volume);
            for (JsonNode m : ours) {
                // A retrying move may yet succeed, but its error is the first sign of a run that never finishes.
                if ("retrying".equals(m.path("state").asText()) && reported.add(m.path("id").asText())) {
                    System.err.println("  move retrying: " + m);
                }
            }
            if (ours.size() >= expectedFiles && ours.stream().allMatch(m -> m.path("finished").asBoolean())) {
                double seconds = (System.nanoTime() - start) / 1e9;
                long bytes = 0;
                for (JsonNode m : ours) {
                    if (!"done".equals(m.path("state").asText())) {
                        throw new IOException("move finished as " + m.path("state").asText() + ": " + m);
                    }
                    bytes += m.path("plan").path("bytes").asLong();
                }
                return new Result(ours.size(), bytes, seconds);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("moves to " + volume + " unfinished after " + GIVE_UP_MINUTES + " min: "
                        + ours.stream().filter(m -> !m.path("finished").asBoolean()).toList());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The list also holds earlier moves (to other volumes): those of this bucket to this volume. */
    private static List<JsonNode> movesOf(JsonNode list, String bucket, String volume) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : list.path("moves")) {
            JsonNode p = m.path("plan");
            if (bucket.equals(p.path("bucket").asText()) && volume.equals(p.path("toVolume").asText())) {
                out.add(m);
            }
        }
        return out;
    }
}
