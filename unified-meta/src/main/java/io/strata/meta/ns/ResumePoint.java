package io.strata.meta.ns;

import io.strata.meta.key.Utf8Order;

/**
 * Where a listing resumes: after {@code key}, and if {@code skipGroup}, after every key that starts with it (the
 * key was a common prefix already returned). Kept in the sortable form, in which the group end is simply
 * {@code key + U+0100}: every sortable char is at most U+00FF.
 */
public record ResumePoint(String key, boolean skipGroup) {
    private static final char PAST_ALL = '\u0100';

    String sortable() {
        String s = Utf8Order.sortable(key);
        return skipGroup ? s + PAST_ALL : s;
    }

    /** S3 V1 markers and V2 start-after are plain keys; a marker that ends a common prefix skips that group. */
    public static ResumePoint fromMarker(String marker, String prefix, String delimiter) {
        if (marker == null || marker.isEmpty()) {
            return null;
        }
        boolean group = delimiter != null && marker.length() > prefix.length() && marker.startsWith(prefix)
                && marker.endsWith(delimiter) && marker.indexOf(delimiter, prefix.length()) == marker.length() - delimiter.length();
        return new ResumePoint(marker, group);
    }
}
