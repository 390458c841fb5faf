package io.strata.s3.ops;

import io.strata.meta.key.ObjectKey;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.store.ObjectStore;
import java.util.Set;

/**
 * GetBucketAcl, GetObjectAcl, PutBucketAcl, PutObjectAcl, and the ACL headers of PUT, COPY, multipart uploads and
 * CreateBucket. Strata has one owner and no per-object grants, as an AWS bucket with ACLs disabled (Object
 * Ownership "bucket owner enforced", the default since 2023): every bucket and object has the owner with
 * FULL_CONTROL. Asking for that (private, bucket-owner-full-control: tools send them by default) succeeds; any
 * other grant fails as AWS fails it, AccessControlListNotSupported, and is never silently ignored.
 */
final class AccessControl {
    /** Canned ACLs that grant nothing beyond the owner's full control (one owner: the bucket owner is it). */
    private static final Set<String> OWNER_ONLY = Set.of("private", "bucket-owner-full-control");

    private final ObjectStore store;

    AccessControl(ObjectStore store) {
        this.store = store;
    }

    S3Response get(S3Request req) {
        requireResource(req);
        XmlWriter x = new XmlWriter().root("AccessControlPolicy")
                .user("Owner", BucketOps.OWNER_ID)
                .start("AccessControlList").start("Grant")
                .start("Grantee", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance", "xsi:type", "CanonicalUser")
                .element("ID", BucketOps.OWNER_ID).element("DisplayName", BucketOps.OWNER_ID).end()
                .element("Permission", "FULL_CONTROL").end().end();
        return S3Response.xml(200, x.toBytes());
    }

    final class Put extends BufferedOperation {
        @Override
        protected S3Response handle(S3Request req, byte[] body) throws Exception {
            if (body.length > 0) {
                throw new S3Exception(S3ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED,
                        "Strata keeps one owner with full control: set the private canned ACL, not a grant list.");
            }
            requireOwnerOnly(req, S3ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
            requireResource(req);
            return S3Response.empty(200);
        }
    }

    /**
     * Refuses ACL headers that grant anything beyond the owner's full control, with {@code error}
     * (AccessControlListNotSupported for objects, InvalidBucketAclWithObjectOwnership for CreateBucket).
     */
    static void requireOwnerOnly(S3Request req, S3ErrorCode error) throws S3Exception {
        String canned = req.header("x-amz-acl");
        boolean grants = req.header("x-amz-grant-read") != null || req.header("x-amz-grant-write") != null
                || req.header("x-amz-grant-read-acp") != null || req.header("x-amz-grant-write-acp") != null
                || req.header("x-amz-grant-full-control") != null;
        if (grants || (canned != null && !OWNER_ONLY.contains(canned))) {
            throw new S3Exception(error, "Strata keeps one owner with full control: only the private ACL applies.");
        }
    }

    private void requireResource(S3Request req) {
        if (req.key() == null) {
            store.meta().buckets().require(req.bucket());
        } else {
            store.meta().objects().find(req.bucket(), ObjectKey.parse(req.key()));
        }
    }
}
