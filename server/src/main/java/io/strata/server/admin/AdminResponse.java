package io.strata.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.json.PolicyJson;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the router answers: status, content type, extra headers and body. The HTTP server copies it out verbatim.
 */
public record AdminResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public static final String JSON = "application/json";

    public AdminResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public static AdminResponse json(int status, JsonNode node) {
        try {
            return new AdminResponse(status, JSON, Map.of(), PolicyJson.MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; reaching here is a bug
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static AdminResponse ok(JsonNode node) {
        return json(200, node);
    }

    public static AdminResponse noContent() {
        return new AdminResponse(204, null, Map.of(), null);
    }

    public static AdminResponse text(int status, String contentType, String text) {
        return new AdminResponse(status, contentType, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** The one error shape of the API: {@code {"error": code, "field": ..., "message": ...}}; field only when known. */
    public static AdminResponse error(int status, String code, String field, String message) {
        ObjectNode o = PolicyJson.MAPPER.createObjectNode();
        o.put("error", code);
        if (field != null) {
            o.put("field", field);
        }
        o.put("message", Objects.requireNonNullElse(message, code));
        return json(status, o);
    }

    public AdminResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new AdminResponse(status, contentType, h, body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
