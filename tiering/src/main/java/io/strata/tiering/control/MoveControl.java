package io.strata.tiering.control;

import io.strata.tiering.mover.MovePlan;
import io.strata.tiering.mover.MoveStatus;
import io.strata.tiering.policy.Rule;

import java.util.List;

/** The mover as the admin drives it. */
public interface MoveControl {
    /**
     * What the rules (the current policy when null) would move, without moving anything.
     * @throws InvalidFieldException when given rules are invalid
     */
    MovePlan dryRun(List<Rule> rules);

    /** Evaluates the current policy now and queues the moves it asks for; returns what was queued. */
    MovePlan applyNow();

    /** Moves queued, running, and the most recent finished ones, newest first. */
    List<MoveStatus> moves();

    /** @throws NotFoundException */
    MoveStatus move(String id);

    /** Cancels a queued or running move; the file stays where it was. @throws NotFoundException */
    MoveStatus cancel(String id);
}
