package io.strata.meta.ns;

/** A SETATTR: each non-null field is applied; times are nanoseconds since the epoch, already resolved. */
public record AttrChange(Integer mode, Integer uid, Integer gid, Long size, Long atimeNanos, Long mtimeNanos) {
}
