package io.strata.tiering.mover;

import java.util.List;
import java.util.Map;

/**
 * The result of evaluating a policy over the namespace: how many files and bytes would move, per target volume,
 * and the first {@code moves} of them (the list is capped; the totals are not).
 *
 * @param policyVersion  the version evaluated (-1 for rules given to a dry run)
 * @param filesScanned   files evaluated
 * @param files          files that would move
 * @param bytes          their bytes
 * @param bytesByTarget  bytes per target volume
 * @param evaluationMillis how long the evaluation took
 */
public record MovePlan(int policyVersion, long filesScanned, long files, long bytes, Map<String, Long> bytesByTarget,
                       List<PlannedMove> moves, long evaluationMillis) {
}
