package io.strata.s3.error;

import io.strata.meta.error.BucketExistsException;
import io.strata.meta.error.BucketNotEmptyException;
import io.strata.meta.error.ContentionException;
import io.strata.meta.error.ExistsException;
import io.strata.meta.error.InvalidNameException;
import io.strata.meta.error.IsDirectoryException;
import io.strata.meta.error.NoSuchBucketException;
import io.strata.meta.error.NoSuchUploadException;
import io.strata.meta.error.NotFoundException;
import io.strata.meta.error.ParentIsFileException;
import io.strata.meta.error.PreconditionFailedException;
import io.strata.tiering.store.PartRules;
import io.strata.tiering.volume.VolumeUnavailableException;

/** The one place where core exceptions become S3 errors. Anything unknown is an InternalError. */
public final class ErrorTranslator {
    private ErrorTranslator() {
    }

    public static S3Exception translate(Throwable t) {
        if (t instanceof S3Exception s) {
            return s;
        }
        if (t instanceof VolumeUnavailableException v) {
            // 503: every S3 SDK retries it with back-off, and nothing stale or zeroed is ever sent instead.
            return new S3Exception(S3ErrorCode.SERVICE_UNAVAILABLE, "The storage volume holding these bytes ("
                    + v.volumeId() + ") is unreachable right now. Please retry.");
        }
        S3ErrorCode code = codeFor(t);
        return code == null ? null : new S3Exception(code, code.defaultMessage());
    }

    private static S3ErrorCode codeFor(Throwable t) {
        if (t instanceof NoSuchBucketException) {
            return S3ErrorCode.NO_SUCH_BUCKET;
        } else if (t instanceof NotFoundException) {
            return S3ErrorCode.NO_SUCH_KEY;
        } else if (t instanceof BucketExistsException) {
            return S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU;
        } else if (t instanceof BucketNotEmptyException) {
            return S3ErrorCode.BUCKET_NOT_EMPTY;
        } else if (t instanceof ParentIsFileException) {
            return S3ErrorCode.PARENT_IS_OBJECT;
        } else if (t instanceof IsDirectoryException) {
            return S3ErrorCode.KEY_IS_DIRECTORY;
        } else if (t instanceof PreconditionFailedException || t instanceof ExistsException) {
            return S3ErrorCode.PRECONDITION_FAILED;
        } else if (t instanceof InvalidNameException) {
            return S3ErrorCode.INVALID_OBJECT_NAME;
        } else if (t instanceof NoSuchUploadException) {
            return S3ErrorCode.NO_SUCH_UPLOAD;
        } else if (t instanceof ContentionException) {
            return S3ErrorCode.SLOW_DOWN;
        } else if (t instanceof PartRules p) {
            return switch (p.rule()) {
                case INVALID_PART -> S3ErrorCode.INVALID_PART;
                case INVALID_PART_ORDER -> S3ErrorCode.INVALID_PART_ORDER;
                case ENTITY_TOO_SMALL -> S3ErrorCode.ENTITY_TOO_SMALL;
            };
        }
        return null;
    }
}
