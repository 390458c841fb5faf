package io.strata.meta.ns;

import io.strata.meta.model.Inode;
import java.util.List;

/**
 * A page of a listing: objects and common prefixes, each in UTF-8 key order, and where the next page resumes.
 *
 * @param next null when the listing is complete
 */
public record ListPage(List<Item> objects, List<String> commonPrefixes, ResumePoint next) {
    public boolean truncated() {
        return next != null;
    }

    public record Item(String key, Inode inode) {
    }
}
