package io.strata.s3.signature;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The query string of a request, kept both decoded (for lookups) and SigV4-encoded (for signing). */
final class QueryParameters {
    /** One {@code name=value} pair; the encoded forms are the canonical re-encoding, not the wire form. */
    record Parameter(String name, String value, String encodedName, String encodedValue) {
    }

    private static final Comparator<Parameter> CANONICAL_ORDER =
            Comparator.comparing(Parameter::encodedName).thenComparing(Parameter::encodedValue);

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    static QueryParameters parse(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        if (rawQuery != null) {
            for (String piece : rawQuery.split("&", -1)) {
                if (piece.isEmpty()) {
                    continue;
                }
                int eq = piece.indexOf('=');
                byte[] name = UriEncoding.decode(eq < 0 ? piece : piece.substring(0, eq));
                byte[] value = UriEncoding.decode(eq < 0 ? "" : piece.substring(eq + 1));
                parameters.add(new Parameter(UriEncoding.utf8(name), UriEncoding.utf8(value),
                        UriEncoding.encode(name), UriEncoding.encode(value)));
            }
        }
        return new QueryParameters(List.copyOf(parameters));
    }

    /** Every value given for {@code name} (case-sensitive, as AWS treats query parameter names). */
    List<String> all(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).toList();
    }

    /** The single value of {@code name}; empty if absent. */
    Optional<String> first(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst();
    }

    boolean contains(String name) {
        return parameters.stream().anyMatch(p -> p.name().equals(name));
    }

    /**
     * Sorted by encoded name, then encoded value; every pair written {@code name=value}, even with an empty value.
     *
     * @param excludedName a parameter left out (X-Amz-Signature of a presigned URL), or null
     */
    String canonical(String excludedName) {
        return parameters.stream()
                .filter(p -> !p.name().equals(excludedName))
                .sorted(CANONICAL_ORDER)
                .map(p -> p.encodedName() + "=" + p.encodedValue())
                .collect(Collectors.joining("&"));
    }
}
