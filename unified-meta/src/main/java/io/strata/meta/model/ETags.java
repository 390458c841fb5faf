package io.strata.meta.model;

/** ETags as clients send them: quoted, maybe weak ({@code W/"..."}); stored ETags carry no quotes. */
public final class ETags {
    private ETags() {
    }

    /** The bare ETag: surrounding whitespace, a weak prefix and one pair of quotes removed. */
    public static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
