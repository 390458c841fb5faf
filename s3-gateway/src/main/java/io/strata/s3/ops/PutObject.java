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

    @Override
    public BodyTarget begin(S3Request req) throws Exception {
        ObjectKey key = ObjectKey.parse(req.key());
        ObjectAttrs attrs = ObjectHeaders.fromRequest(req);
        WriteCondition condition = new WriteCondition(req.header("If-Match"), req.header("If-None-Match"));
        if (condition.ifNoneMatch() != null && !condition.ifNoneMatch().trim().equals("*")) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, "If-None-Match on PUT accepts only '*'.");
        }
        return BlobUpload.start(store, req, blob -> {
            if (key.directoryMarker() && blob.size() > 0) {
                throw new S3Exception(S3ErrorCode.INVALID_OBJECT_NAME,
                        "A key ending in '/' names a directory; its body must be empty.");
            }
            Inode inode = store.publish(req.bucket(), key, blob, attrs, condition);
            S3Response r = S3Response.empty(200).header("ETag", ObjectHeaders.quote(inode.object().etag()));
            inode.object().checksums().forEach((alg, v) -> {
                ChecksumAlgorithm a = ChecksumAlgorithm.parse(alg);
                if (a != null) {
                    r.header(a.header(), v);
                }
            });
            return r;
        });
    }
}
