package io.strata.server.admin;

/** Serves one method on one path. Tiering's exceptions thrown here become the API's error responses. */
@FunctionalInterface
interface RouteHandler {
    AdminResponse handle(Call call);
}
