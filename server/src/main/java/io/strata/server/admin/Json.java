package io.strata.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strata.tiering.control.InvalidFieldException;
import io.strata.tiering.json.PolicyJson;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/** Reading request bodies and building response trees with the one shared mapper. */
final class Json {
    /** The field name errors use for the body as a whole. */
    static final String BODY = "(body)";

    private Json() {
    }

    /** Parses a body; anything that is not one JSON value is reported against {@code (body)}. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new InvalidFieldException(BODY, "is empty; a JSON object is required");
        }
        try {
            JsonNode node = PolicyJson.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidFieldException(BODY, "is empty; a JSON object is required");
            }
            return node;
        } catch (JsonProcessingException e) {
            // the original message says what was wrong and where, without Jackson's source excerpt
            throw new InvalidFieldException(BODY, "is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new InvalidFieldException(BODY, "could not be read: " + e.getMessage());
        }
    }

    static ObjectNode object() {
        return PolicyJson.MAPPER.createObjectNode();
    }

    /** {@code {"name": [each item written by writer]}}: lists are wrapped so fields can be added later. */
    static <T> ObjectNode list(String name, Collection<T> items, Function<T, ? extends JsonNode> writer) {
        ObjectNode o = object();
        ArrayNode a = o.putArray(name);
        for (T item : items) {
            a.add(writer.apply(item));
        }
        return o;
    }

    static void putTime(ObjectNode o, String name, Instant t) {
        if (t == null) {
            o.putNull(name);
        } else {
            o.put(name, t.toString());
        }
    }
}
