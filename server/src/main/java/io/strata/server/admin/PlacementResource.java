package io.strata.server.admin;

import io.strata.tiering.control.PlacementControl;

import java.util.List;

/**
 * {@code /api/v1/placement}: where one file's bytes are. Two spellings, because a file path is awkward in a query
 * for some clients and awkward in a path for others: {@code ?bucket=B&path=P} and {@code /{bucket}/{path...}}.
 */
final class PlacementResource implements AdminResource {
    private static final String BASE = "/api/v1/placement";

    private final PlacementControl placement;

    PlacementResource(PlacementControl placement) {
        this.placement = placement;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, c -> show(c.requiredQuery("bucket"), c.requiredQuery("path"))),
                Route.of("GET", BASE + "/{bucket}/{path...}", c -> show(c.param("bucket"), c.param("path"))));
    }

    private AdminResponse show(String bucket, String path) {
        return AdminResponse.ok(PlacementJson.toJson(placement.of(bucket, path)));
    }
}
