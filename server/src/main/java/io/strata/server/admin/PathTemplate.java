package io.strata.server.admin;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route's path such as {@code /api/v1/volumes/{id}/drain}. {@code {name}} matches one segment;
 * a final {@code {name...}} matches the rest of the path, slashes included (file paths inside a bucket).
 * Each captured value is percent-decoded after matching, so an encoded slash never splits a segment.
 */
record PathTemplate(String template, List<String> segments) {
    static PathTemplate parse(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with /: " + template);
        }
        List<String> segments = Arrays.asList(template.substring(1).split("/", -1));
        for (int i = 0; i < segments.size() - 1; i++) {
            if (isRest(segments.get(i))) {
                throw new IllegalArgumentException("{name...} must be the last segment: " + template);
            }
        }
        return new PathTemplate(template, List.copyOf(segments));
    }

    /** The decoded captures when the raw path matches, else null. */
    Map<String, String> match(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return null;
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        boolean rest = !segments.isEmpty() && isRest(segments.get(segments.size() - 1));
        if (rest ? parts.length < segments.size() : parts.length != segments.size()) {
            return null;
        }
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            if (!seg.startsWith("{") && !seg.equals(parts[i])) {
                return null;
            }
            if (seg.startsWith("{") && parts[i].isEmpty()) {
                return null;
            }
        }
        // decode only once the route matched, so a bad escape in some other route's shape is a 404, not a 400
        Map<String, String> captures = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            if (rest && i == segments.size() - 1) {
                String tail = String.join("/", Arrays.asList(parts).subList(i, parts.length));
                captures.put(seg.substring(1, seg.length() - 4), AdminRequest.decodePath(tail));
            } else if (seg.startsWith("{")) {
                captures.put(seg.substring(1, seg.length() - 1), AdminRequest.decodePath(parts[i]));
            }
        }
        return captures;
    }

    /** The path as OpenAPI writes it: {@code {path...}} becomes {@code {path}} (OpenAPI has no multi-segment form). */
    String openApiPath() {
        return template.replace("...}", "}");
    }

    private static boolean isRest(String segment) {
        return segment.startsWith("{") && segment.endsWith("...}");
    }
}
