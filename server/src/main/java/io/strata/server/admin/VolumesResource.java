package io.strata.server.admin;

import io.strata.tiering.control.VolumeControl;
import io.strata.tiering.json.VolumeJson;
import io.strata.tiering.volume.VolumeInfo;

import java.util.List;

/** {@code /api/v1/volumes}: list, add, show, drain and remove volumes. */
final class VolumesResource implements AdminResource {
    private static final String BASE = "/api/v1/volumes";

    private final VolumeControl volumes;

    VolumesResource(VolumeControl volumes) {
        this.volumes = volumes;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", BASE, this::list),
                Route.of("POST", BASE, this::add),
                Route.of("GET", BASE + "/{id}", c -> AdminResponse.ok(VolumeJson.toJson(volumes.get(c.param("id"))))),
                Route.of("POST", BASE + "/{id}/drain",
                        c -> AdminResponse.ok(VolumeJson.toJson(volumes.drain(c.param("id"))))),
                Route.of("DELETE", BASE + "/{id}", this::remove));
    }

    private AdminResponse list(Call c) {
        return AdminResponse.ok(Json.list("volumes", volumes.list(), VolumeJson::toJson));
    }

    private AdminResponse add(Call c) {
        VolumeInfo added = volumes.add(VolumeJson.spec(c.jsonBody()));
        return AdminResponse.json(201, VolumeJson.toJson(added))
                .withHeader("Location", BASE + "/" + added.id());
    }

    private AdminResponse remove(Call c) {
        volumes.remove(c.param("id"));
        return AdminResponse.noContent();
    }
}
