package io.strata.server.admin;

import io.strata.tiering.control.ConflictException;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.control.NotFoundException;
import io.strata.tiering.control.TieringControl;
import io.strata.tiering.volume.VolumeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The admin API without the HTTP server: authenticates, finds the route, runs it and turns every failure into the
 * API's JSON error shape. Everything under {@code /api/} needs the root user's Basic credentials, checked before
 * the route is looked up so that unauthenticated callers learn nothing about which paths exist.
 */
public final class AdminRouter {
    /** Largest request body accepted; policies and volume specs are a few KiB. */
    public static final int MAX_BODY = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(AdminRouter.class);

    private final BasicAuth auth;
    private final List<Route> routes;

    public AdminRouter(String rootUser, String rootPassword, TieringControl tiering, Supplier<String> metrics,
                       Supplier<ServerInfo> info) {
        this(rootUser, rootPassword, tiering, metrics, info, Clock.systemUTC());
    }

    AdminRouter(String rootUser, String rootPassword, TieringControl tiering, Supplier<String> metrics,
                Supplier<ServerInfo> info, Clock clock) {
        Objects.requireNonNull(tiering, "tiering");
        Objects.requireNonNull(info, "info");
        this.auth = new BasicAuth(rootUser, rootPassword);
        List<Route> all = new ArrayList<>();
        for (AdminResource r : List.of(new InfoResource(info, clock), new VolumesResource(tiering.volumes()),
                new PoliciesResource(tiering.policies(), tiering.moves()), new MovesResource(tiering.moves()),
                new PlacementResource(tiering.placement()), new DocsResource(metrics))) {
            all.addAll(r.routes());
        }
        this.routes = List.copyOf(all);
    }

    /** Every route served, for the OpenAPI consistency test and for listings. */
    List<Route> routes() {
        return routes;
    }

    public AdminResponse handle(AdminRequest request) {
        try {
            return dispatch(request);
        } catch (InvalidFieldException e) {
            return AdminResponse.error(400, "InvalidField", e.field(), e.reason());
        } catch (AdminRequest.BadEncodingException e) {
            return AdminResponse.error(400, "InvalidField", "(path)", e.getMessage());
        } catch (NotFoundException e) {
            return AdminResponse.error(404, "NotFound", null, e.getMessage());
        } catch (ConflictException e) {
            return AdminResponse.error(409, "Conflict", null, e.getMessage());
        } catch (RuntimeException e) {
            VolumeUnavailableException unavailable = unavailable(e);
            if (unavailable != null) {
                return AdminResponse.error(503, "Unavailable", null, unavailable.getMessage())
                        .withHeader("Retry-After", "5");
            }
            LOG.error("admin API: {} {} failed", request.method(), request.rawPath(), e);
            return AdminResponse.error(500, "Internal", null,
                    "internal error (" + e.getClass().getSimpleName() + "); the server log has the details");
        }
    }

    /** False if this request will be refused for its credentials: its body need not be read at all. */
    public boolean admits(String path, String authorization) {
        return !needsAuth(path) || auth.accepts(authorization);
    }

    private AdminResponse dispatch(AdminRequest request) {
        String path = request.rawPath();
        if (!admits(path, request.authorization())) {
            return AdminResponse.error(401, "Unauthorized", null,
                    "the admin API needs HTTP Basic credentials of the root user (STRATA_ROOT_USER / "
                            + "STRATA_ROOT_PASSWORD)").withHeader("WWW-Authenticate", BasicAuth.CHALLENGE);
        }
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> captures = route.path().match(path);
            if (captures == null) {
                continue;
            }
            if (route.method().equals(request.method())) {
                if (request.body().length > MAX_BODY) {
                    return AdminResponse.error(413, "PayloadTooLarge", Json.BODY,
                            "is larger than " + MAX_BODY + " bytes");
                }
                LOG.debug("admin API: {} {}", request.method(), path);
                return route.handler().handle(new Call(request, captures));
            }
            allowed.add(route.method());
        }
        if (!allowed.isEmpty()) {
            return AdminResponse.error(405, "MethodNotAllowed", null, request.method() + " is not allowed on "
                    + path + " (allowed: " + String.join(", ", allowed) + ")")
                    .withHeader("Allow", String.join(", ", allowed));
        }
        return AdminResponse.error(404, "NotFound", null, "no such endpoint: " + request.method() + " " + path
                + " (GET /openapi.json lists them all)");
    }

    static boolean needsAuth(String rawPath) {
        return rawPath.equals("/api") || rawPath.startsWith("/api/");
    }

    private static VolumeUnavailableException unavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof VolumeUnavailableException v) {
                return v;
            }
        }
        return null;
    }
}
