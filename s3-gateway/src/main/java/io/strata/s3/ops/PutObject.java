package io.strata.s3.ops;

import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.ns.WriteCondition;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.store.ObjectStore;

/** PutObject: stream into a new blob, verify digests, publish with the request's conditions. */
final class PutObject implements Operation {
    private final ObjectStore store;

    PutObject(ObjectStore store) {
        this.store = store;
    }

    /** An object small enough to be kept inline is buffered in memory until its body ends: nothing to open first. */
    @Override
    public boolean beginsWithoutBlocking(S3Request req) {
        return keptInline(declaredLength(req));
    }

    @Override
    public BodyTarget begin(S3Request req) throws Exception {
        ObjectKey key = ObjectKey.parse(req.key());
        AccessControl.requireOwnerOnly(req, S3ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
        ObjectAttrs attrs = ObjectHeaders.fromRequest(req);
        WriteCondition condition = new WriteCondition(req.header("If-Match"), req.header("If-None-Match"));
        if (condition.ifNoneMatch() != null && !condition.ifNoneMatch().trim().equals("*")) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, "If-None-Match on PUT accepts only '*'.");
        }
        long declared = declaredLength(req);
        if (keptInline(declared)) {
            return new InlineUpload(req, (int) declared, (data, hashes) -> {
                checkMarkerBody(key, data.length);
                return store.submitPublishInline(req.bucket(), key, data, hashes, attrs, condition)
                        .thenApply(PutObject::answer);
            });
        }
        return BlobUpload.start(store, req, blob -> {
            checkMarkerBody(key, blob.size());
            return answer(store.publish(req.bucket(), key, blob, attrs, condition));
        });
    }

    /** Whether an object of the declared length (-1: unknown) goes inline, into the metadata store. */
    private boolean keptInline(long declared) {
        return declared >= 0 && declared <= store.inlineMax();
    }

    /** The payload length the client declared, or -1 when it did not say (an aws-chunked body without it). */
    static long declaredLength(S3Request req) {
        String decoded = req.header("x-amz-decoded-content-length");
        String length = req.auth().payloadMode().isStreaming() ? decoded : req.header("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void checkMarkerBody(ObjectKey key, long size) throws S3Exception {
        if (key.directoryMarker() && size > 0) {
            throw new S3Exception(S3ErrorCode.INVALID_OBJECT_NAME,
                    "A key ending in '/' names a directory; its body must be empty.");
        }
    }

    private static S3Response answer(Inode inode) {
        S3Response r = S3Response.empty(200).header("ETag", ObjectHeaders.quote(inode.object().etag()));
        inode.object().checksums().forEach((alg, v) -> {
            ChecksumAlgorithm a = ChecksumAlgorithm.parse(alg);
            if (a != null) {
                r.header(a.header(), v);
            }
        });
        return r;
    }
}
