package io.strata.s3.ops;

import io.strata.meta.model.ETags;
import io.strata.meta.model.Inode;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import java.time.Instant;

/**
 * GET/HEAD preconditions in S3's order: If-Match wins over If-Unmodified-Since (412 when they fail);
 * If-None-Match wins over If-Modified-Since (304 when they fail).
 */
final class ReadConditions {
    private ReadConditions() {
    }

    static void check(S3Request req, Inode inode, String ifMatchHeader, String ifNoneMatchHeader,
                      String ifModifiedHeader, String ifUnmodifiedHeader) throws S3Exception {
        String etag = inode.object().etag();
        Instant modified = Times.truncated(inode.posix().mtimeNanos());
        String ifMatch = req.header(ifMatchHeader);
        String ifNoneMatch = req.header(ifNoneMatchHeader);
        if (ifMatch != null) {
            if (!matchesAny(ifMatch, etag)) {
                throw new S3Exception(S3ErrorCode.PRECONDITION_FAILED);
            }
        } else {
            Instant unmodified = date(req, ifUnmodifiedHeader);
            if (unmodified != null && modified.isAfter(unmodified)) {
                throw new S3Exception(S3ErrorCode.PRECONDITION_FAILED);
            }
        }
        if (ifNoneMatch != null) {
            if (matchesAny(ifNoneMatch, etag)) {
                throw notModified(ifNoneMatchHeader);
            }
        } else {
            Instant since = date(req, ifModifiedHeader);
            if (since != null && !modified.isAfter(since)) {
                throw notModified(ifModifiedHeader);
            }
        }
    }

    /** For reads: 304. For copy sources, S3 answers 412 instead. */
    private static S3Exception notModified(String header) {
        return header.startsWith("x-amz-copy-source")
                ? new S3Exception(S3ErrorCode.PRECONDITION_FAILED) : new S3Exception(S3ErrorCode.NOT_MODIFIED);
    }

    static void checkRead(S3Request req, Inode inode) throws S3Exception {
        check(req, inode, "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since");
    }

    private static Instant date(S3Request req, String header) {
        String v = req.header(header);
        return v == null ? null : Times.parseHttpDate(v);
    }

    private static boolean matchesAny(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || ETags.unquote(c).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
