package io.strata.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.tiering.control.InvalidFieldException;

import java.util.Map;

/** A request matched to a route: the request plus the decoded path captures. */
record Call(AdminRequest request, Map<String, String> params) {
    String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no {" + name + "}");
        }
        return v;
    }

    /** A required query parameter; missing or empty is the client's mistake, named as the field. */
    String requiredQuery(String name) {
        String v = request.queryParam(name);
        if (v == null || v.isEmpty()) {
            throw new InvalidFieldException(name, "query parameter is required");
        }
        return v;
    }

    JsonNode jsonBody() {
        return Json.parse(request.body());
    }

    boolean hasBody() {
        return request.hasBody();
    }
}
