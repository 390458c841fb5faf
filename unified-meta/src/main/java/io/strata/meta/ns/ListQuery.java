package io.strata.meta.ns;

/**
 * One page of a key listing.
 *
 * @param prefix     keys must start with this ("" for all)
 * @param delimiter  groups keys by the text up to the first delimiter after the prefix; null for none
 * @param after      resume point: only keys (and groups) after this; null to start at the beginning
 * @param maxKeys    keys plus common prefixes in the page
 */
public record ListQuery(String prefix, String delimiter, ResumePoint after, int maxKeys) {
    public ListQuery {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
    }
}
