package io.strata.server.admin;

import java.util.List;

/** One resource of the API (volumes, policies, ...): the routes it serves. */
interface AdminResource {
    List<Route> routes();
}
