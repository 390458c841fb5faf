package io.strata.meta.ns;

import io.strata.meta.error.NotFoundException;
import io.strata.meta.error.PreconditionFailedException;
import io.strata.meta.model.ETags;
import io.strata.meta.model.Inode;

/**
 * S3 conditional writes, checked inside the publishing transaction so no other writer can slip in between.
 *
 * @param ifMatch      the existing object's ETag must equal this (quotes ignored); null for none, "*" for any
 * @param ifNoneMatch  only "*" is meaningful for writes: no object may exist at the key
 */
public record WriteCondition(String ifMatch, String ifNoneMatch) {
    public static final WriteCondition NONE = new WriteCondition(null, null);

    void check(Inode existing, String key) {
        if (ifNoneMatch != null && existing != null && ("*".equals(ifNoneMatch) || etagMatches(existing, ifNoneMatch))) {
            throw new PreconditionFailedException("an object exists at " + key);
        }
        if (ifMatch != null) {
            if (existing == null) {
                throw new NotFoundException(key);
            }
            if (!"*".equals(ifMatch) && !etagMatches(existing, ifMatch)) {
                throw new PreconditionFailedException("ETag of " + key + " does not match");
            }
        }
    }

    private static boolean etagMatches(Inode inode, String wanted) {
        String etag = inode.object() == null ? null : inode.object().etag();
        return etag != null && ETags.unquote(etag).equals(ETags.unquote(wanted));
    }
}
