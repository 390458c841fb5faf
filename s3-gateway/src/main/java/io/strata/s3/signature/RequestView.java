package io.strata.s3.signature;

import java.util.List;
import java.util.Set;

/**
 * A read-only view of the HTTP request as received (not decoded). Signatures cover the bytes the client sent,
 * so the verifier must see the path and query before any percent-decoding the router does. In the raw path and
 * query a character up to U+00FF stands for one byte of the request line (ISO-8859-1, as Netty delivers it).
 */
public interface RequestView {
    /** The method, for example {@code "PUT"}. */
    String method();

    /** The path exactly as on the request line, percent-encoding kept, without the query. */
    String rawPath();

    /** The part after {@code '?'}, exactly as received, or {@code ""} if there is none. */
    String rawQuery();

    /** Every value of the header, one entry per occurrence; case-insensitive name; empty list if absent. */
    List<String> headerValues(String name);

    /** Lower-case names of the headers present. */
    Set<String> headerNames();
}
