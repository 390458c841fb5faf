package io.strata.s3.signature;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The {@code SignedHeaders} value: names separated by ';'. */
final class SignedHeaderList {
    private SignedHeaderList() {
    }

    /** Lower-cased names in the client's order; empty if the list has an empty or repeated name. */
    static Optional<List<String>> parse(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : value.split(";", -1)) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            if (lower.isEmpty() || !seen.add(lower)) {
                return Optional.empty();
            }
            names.add(lower);
        }
        return Optional.of(List.copyOf(names));
    }
}
