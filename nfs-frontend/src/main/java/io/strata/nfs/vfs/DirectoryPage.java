package io.strata.nfs.vfs;

import java.util.List;

/**
 * One page of a directory in cookie order. Cookies are stable: an entry keeps its cookie for as long as it exists,
 * entries created later get larger cookies, so paging by cookie never skips or repeats an entry while the directory
 * changes. "." and ".." are not included (the protocol layer adds them).
 *
 * @param eof true when no entry with a larger cookie exists
 */
public record DirectoryPage(List<Entry> entries, boolean eof) {

    /** @param stat null unless the caller asked for attributes (READDIRPLUS) */
    public record Entry(String name, long cookie, FileId id, Stat stat) {
    }
}
