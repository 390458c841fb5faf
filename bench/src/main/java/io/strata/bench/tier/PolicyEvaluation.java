package io.strata.bench.tier;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Arrays;

/**
 * The cost of evaluating a policy over the whole namespace, by dry run: the server walks every file's metadata and
 * its last access, and matches each against the rules, without moving anything.
 */
public final class PolicyEvaluation {
    /**
     * Globs, sizes and ages over the object names {@link SmallObjects} writes: each rule is tried on every file, and
     * as the files are young and small none of them plans a move, so the figure is the walk and the matching alone.
     * Targets are nas only: the server refuses a rule for a tier without a volume, and the benchmark goes on when
     * the cloud volume could not be added.
     */
    static final String RULES = """
            {"rules": [
              {"name": "old-logs-to-nas",
               "match": {"bucket": "many", "path": "logs/**/*.gz", "modifiedOlderThan": "30d"},
               "target": {"tier": "nas"}},
              {"name": "big-to-nas", "match": {"bucket": "many", "minSize": "1MiB"}, "target": {"tier": "nas"}},
              {"name": "cold-data-to-nas",
               "match": {"path": "data/*.bin", "accessedOlderThan": "7d"}, "target": {"tier": "nas"}},
              {"name": "scratch-stays", "match": {"path": "tmp/**", "maxSize": "64KiB"}, "target": {"pin": true}}
            ]}""";

    private final AdminApi admin;

    public PolicyEvaluation(AdminApi admin) {
        this.admin = admin;
    }

    /** Medians over {@code runs} dry runs, after one untimed run that warms the server's code paths. */
    public Result measure(int runs) throws IOException, InterruptedException {
        admin.call("POST", "/api/v1/policies/dry-run", RULES, 200);
        double[] wall = new double[runs];
        double[] server = new double[runs];
        long scanned = 0;
        long planned = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            JsonNode plan = admin.call("POST", "/api/v1/policies/dry-run", RULES, 200);
            wall[i] = (System.nanoTime() - start) / 1e6;
            server[i] = plan.path("evaluationMillis").asDouble();
            scanned = plan.path("filesScanned").asLong();
            planned = plan.path("files").asLong();
        }
        Arrays.sort(wall);
        Arrays.sort(server);
        return new Result(scanned, planned, wall[runs / 2], server[runs / 2]);
    }

    /**
     * @param wallMillis   the request as a caller waits for it
     * @param serverMillis {@code evaluationMillis}, the server's own timing of the walk
     */
    public record Result(long filesScanned, long movesPlanned, double wallMillis, double serverMillis) {
        public double filesPerSecond() {
            return filesScanned / (wallMillis / 1000);
        }
    }
}
