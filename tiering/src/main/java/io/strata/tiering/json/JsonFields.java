package io.strata.tiering.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.strata.tiering.control.InvalidFieldException;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads typed fields out of a JSON object, naming the field's path in every complaint. */
final class JsonFields {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d|w)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)?");

    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(path.isEmpty() ? "(body)" : path, "must be a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Refuses names outside {@code known}, so a typo ("minsize") is not silently ignored. */
    void onlyKnown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                throw new InvalidFieldException(at(name), "unknown field (expected one of " + known + ")");
            }
        }
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    String text(String name, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidFieldException(at(name), "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidFieldException(at(name), "must be a string");
        }
        return v.asText();
    }

    boolean bool(String name, boolean dflt) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw new InvalidFieldException(at(name), "must be true or false");
        }
        return v.asBoolean();
    }

    /** A byte count: a non-negative integer, or a string such as {@code "10MiB"}. */
    Long size(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0) {
            return v.asLong();
        }
        if (v.isTextual()) {
            Matcher m = SIZE.matcher(v.asText().trim());
            if (m.matches()) {
                try {
                    return Math.multiplyExact(Long.parseLong(m.group(1)), sizeUnit(m.group(2)));
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new InvalidFieldException(at(name), "is too large");
                }
            }
        }
        throw new InvalidFieldException(at(name), "must be a byte count such as 1048576 or \"1MiB\"");
    }

    /** A duration: {@code "30d"}, {@code "12h"}, {@code "15m"}, {@code "45s"}, {@code "1w"} or ISO-8601 {@code "PT1H"}. */
    Duration duration(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            String s = v.asText().trim();
            Matcher m = DURATION.matcher(s);
            if (m.matches()) {
                try {
                    long n = Long.parseLong(m.group(1));
                    return switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        case "d" -> Duration.ofDays(n);
                        default -> Duration.ofDays(Math.multiplyExact(7, n));
                    };
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new InvalidFieldException(at(name), "is too large");
                }
            }
            try {
                Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            } catch (RuntimeException ignored) {
                // fall through to the complaint
            }
        }
        throw new InvalidFieldException(at(name), "must be a duration such as \"30d\", \"12h\", \"15m\" or \"45s\"");
    }

    Map<String, String> stringMap(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new InvalidFieldException(at(name), "must be an object of string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new InvalidFieldException(at(name) + "." + e.getKey(), "must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static long sizeUnit(String unit) {
        if (unit == null || unit.equals("B")) {
            return 1;
        }
        return switch (unit) {
            case "KB" -> 1000L;
            case "KiB" -> 1L << 10;
            case "MB" -> 1000_000L;
            case "MiB" -> 1L << 20;
            case "GB" -> 1000_000_000L;
            case "GiB" -> 1L << 30;
            case "TB" -> 1000_000_000_000L;
            default -> 1L << 40;
        };
    }
}
