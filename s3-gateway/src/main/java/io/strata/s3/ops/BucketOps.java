package io.strata.s3.ops;

import io.strata.meta.error.InvalidNameException;
import io.strata.meta.model.Bucket;
import io.strata.meta.ns.BucketCatalog;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.store.ObjectStore;

/** ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation: each a few lines over the catalog. */
final class BucketOps {
    /** Strata answers every region; clients that insist on one get this. */
    static final String REGION = "us-east-1";
    static final String OWNER_ID = "strata";

    private final BucketCatalog buckets;

    BucketOps(ObjectStore store) {
        this.buckets = store.meta().buckets();
    }

    S3Response list(S3Request req) {
        XmlWriter x = new XmlWriter().root("ListAllMyBucketsResult")
                .user("Owner", OWNER_ID)
                .start("Buckets");
        for (Bucket b : buckets.list()) {
            x.start("Bucket").element("Name", b.name()).element("CreationDate", Times.xmlMillis(b.createdMillis())).end();
        }
        return S3Response.xml(200, x.toBytes());
    }

    S3Response create(S3Request req) throws S3Exception {
        AccessControl.requireOwnerOnly(req, S3ErrorCode.INVALID_BUCKET_ACL_WITH_OBJECT_OWNERSHIP);
        try {
            buckets.create(req.bucket(), BucketCatalog.BucketDefaults.STANDARD);
        } catch (InvalidNameException e) {
            throw new S3Exception(S3ErrorCode.INVALID_BUCKET_NAME, e.getMessage());
        }
        return S3Response.empty(200).header("Location", "/" + req.bucket());
    }

    S3Response head(S3Request req) {
        buckets.require(req.bucket());
        return S3Response.empty(200).header("x-amz-bucket-region", REGION);
    }

    S3Response delete(S3Request req) {
        buckets.delete(req.bucket());
        return S3Response.empty(204);
    }

    S3Response location(S3Request req) {
        buckets.require(req.bucket());
        // us-east-1 is answered as an empty LocationConstraint, as AWS does.
        return S3Response.xml(200, new XmlWriter().root("LocationConstraint").toBytes());
    }
}
