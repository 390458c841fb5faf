package io.strata.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.tiering.control.MoveControl;
import io.strata.tiering.control.NotFoundException;
import io.strata.tiering.control.PolicyControl;
import io.strata.tiering.json.PolicyJson;
import io.strata.tiering.policy.PolicyVersion;
import io.strata.tiering.policy.Rule;

import java.util.List;

/**
 * {@code /api/v1/policies}: the current policy, publishing a new version, the history, and evaluating rules
 * without moving (dry run) or now (apply).
 */
final class PoliciesResource implements AdminResource {
    private static final String BASE = "/api/v1/policies";

    private final PolicyControl policies;
    private final MoveControl moves;

    PoliciesResource(PolicyControl policies, MoveControl moves) {
        this.policies = policies;
        this.moves = moves;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, c -> AdminResponse.ok(PolicyJson.toJson(policies.current()))),
                Route.of("PUT", BASE, this::publish),
                Route.of("GET", BASE + "/versions",
                        c -> AdminResponse.ok(Json.list("versions", policies.versions(), PolicyJson::toJson))),
                Route.of("GET", BASE + "/versions/{n}", this::version),
                Route.of("POST", BASE + "/dry-run", this::dryRun),
                Route.of("POST", BASE + "/apply", c -> AdminResponse.ok(MoveJson.toJson(moves.applyNow()))));
    }

    private AdminResponse publish(Call c) {
        JsonNode body = c.jsonBody();
        List<Rule> rules = PolicyJson.rules(body);
        PolicyVersion v = policies.publish(rules, PolicyJson.comment(body));
        return AdminResponse.json(201, PolicyJson.toJson(v))
                .withHeader("Location", BASE + "/versions/" + v.version());
    }

    private AdminResponse version(Call c) {
        String n = c.param("n");
        int number;
        try {
            number = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no policy version '" + n + "' (versions are numbered 0, 1, 2, ...)");
        }
        return AdminResponse.ok(PolicyJson.toJson(policies.version(number)));
    }

    /** Without a body the current policy is evaluated; with one, the rules it carries (nothing is published). */
    private AdminResponse dryRun(Call c) {
        List<Rule> rules = c.hasBody() ? PolicyJson.rules(c.jsonBody()) : null;
        return AdminResponse.ok(MoveJson.toJson(moves.dryRun(rules)));
    }
}
