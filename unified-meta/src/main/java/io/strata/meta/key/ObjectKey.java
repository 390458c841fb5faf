package io.strata.meta.key;

import io.strata.meta.error.InvalidNameException;
import java.util.ArrayList;
import java.util.List;

/**
 * An S3 key read as a path: {@code a/b/c} is file {@code c} in directory {@code a/b}; {@code a/b/} is the
 * explicit directory {@code a/b}. Keys that cannot be paths are refused here, never hidden later.
 *
 * @param segments         the path components, never empty
 * @param directoryMarker  the key ends with '/': it names a directory, not a file
 */
public record ObjectKey(String key, List<String> segments, boolean directoryMarker) {

    /** Longest name of one path component, in UTF-8 bytes (NAME_MAX of Linux file systems). */
    public static final int MAX_SEGMENT_BYTES = 255;

    public ObjectKey {
        segments = List.copyOf(segments);
    }

    public static ObjectKey parse(String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidNameException("empty key");
        }
        if (key.indexOf('\0') >= 0) {
            throw new InvalidNameException("key contains NUL");
        }
        boolean marker = key.endsWith("/");
        String body = marker ? key.substring(0, key.length() - 1) : key;
        List<String> segments = new ArrayList<>();
        int start = 0;
        while (true) {
            int slash = body.indexOf('/', start);
            String segment = slash < 0 ? body.substring(start) : body.substring(start, slash);
            checkSegment(segment, key);
            segments.add(segment);
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return new ObjectKey(key, segments, marker);
    }

    /** Checks one file name as NFS and S3 both need it: not empty, not {@code .} or {@code ..}, no '/' or NUL. */
    public static void checkName(String name) {
        if (name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw new InvalidNameException("name contains '/' or NUL: " + name);
        }
        checkSegment(name, name);
    }

    private static void checkSegment(String segment, String key) {
        if (segment.isEmpty()) {
            throw new InvalidNameException("key has an empty path segment ('//' or a leading '/'): " + key);
        }
        if (segment.equals(".") || segment.equals("..")) {
            throw new InvalidNameException("key has a '.' or '..' segment: " + key);
        }
        if (Utf8Order.utf8Length(segment) > MAX_SEGMENT_BYTES) {
            throw new InvalidNameException("a path segment is longer than " + MAX_SEGMENT_BYTES + " bytes: " + key);
        }
    }

    /** The parent directory's segments. */
    public List<String> parentSegments() {
        return segments.subList(0, segments.size() - 1);
    }

    public String name() {
        return segments.get(segments.size() - 1);
    }
}
