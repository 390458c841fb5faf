package io.strata.server.admin;

import io.strata.tiering.control.MoveControl;

import java.util.List;

/** {@code /api/v1/moves}: what the mover is doing and has done; cancelling a move. */
final class MovesResource implements AdminResource {
    private static final String BASE = "/api/v1/moves";

    private final MoveControl moves;

    MovesResource(MoveControl moves) {
        this.moves = moves;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, c -> AdminResponse.ok(Json.list("moves", moves.moves(), MoveJson::toJson))),
                Route.of("GET", BASE + "/{id}", c -> AdminResponse.ok(MoveJson.toJson(moves.move(c.param("id"))))),
                Route.of("DELETE", BASE + "/{id}",
                        c -> AdminResponse.ok(MoveJson.toJson(moves.cancel(c.param("id"))))));
    }
}
