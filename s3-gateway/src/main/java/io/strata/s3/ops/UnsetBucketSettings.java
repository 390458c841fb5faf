package io.strata.s3.ops;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.store.ObjectStore;
import java.util.Map;

/**
 * Reads of bucket settings Strata does not have (versioning, CORS, policies, lifecycle, ...), answered as AWS answers
 * for a bucket where nobody set them. Tools read these on every sync or plan (Terraform, rclone, s3cmd, Cyberduck)
 * and treat NotImplemented as a failure, while "not configured" is what they expect. Writing them stays
 * NotImplemented: Strata does not pretend to keep a setting it would ignore.
 */
final class UnsetBucketSettings {
    /** Settings whose absence is an error code (AWS answers 404 with it). */
    private static final Map<String, S3ErrorCode> ABSENT = Map.ofEntries(
            Map.entry("policy", S3ErrorCode.NO_SUCH_BUCKET_POLICY),
            Map.entry("cors", S3ErrorCode.NO_SUCH_CORS_CONFIGURATION),
            Map.entry("lifecycle", S3ErrorCode.NO_SUCH_LIFECYCLE_CONFIGURATION),
            Map.entry("tagging", S3ErrorCode.NO_SUCH_TAG_SET),
            Map.entry("website", S3ErrorCode.NO_SUCH_WEBSITE_CONFIGURATION),
            Map.entry("publicAccessBlock", S3ErrorCode.NO_SUCH_PUBLIC_ACCESS_BLOCK),
            Map.entry("object-lock", S3ErrorCode.OBJECT_LOCK_CONFIGURATION_NOT_FOUND),
            Map.entry("ownershipControls", S3ErrorCode.OWNERSHIP_CONTROLS_NOT_FOUND),
            Map.entry("replication", S3ErrorCode.REPLICATION_CONFIGURATION_NOT_FOUND),
            Map.entry("encryption", S3ErrorCode.ENCRYPTION_CONFIGURATION_NOT_FOUND));

    /** A setting's document when nobody set it: its root element, with at most one fixed child. */
    private record Unset(String root, String child, String value) {
        Unset(String root) {
            this(root, null, null);
        }
    }

    /** Settings whose absence is a document of their own, by subresource. */
    private static final Map<String, Unset> EMPTY = Map.of(
            "versioning", new Unset("VersioningConfiguration"), // never enabled: no Status element
            "logging", new Unset("BucketLoggingStatus"),
            "notification", new Unset("NotificationConfiguration"),
            "accelerate", new Unset("AccelerateConfiguration"),
            "requestPayment", new Unset("RequestPaymentConfiguration", "Payer", "BucketOwner"));

    private final ObjectStore store;

    UnsetBucketSettings(ObjectStore store) {
        this.store = store;
    }

    /** The subresource of a bucket GET this class answers, or null. */
    static String subresourceOf(S3Request r) {
        for (String sub : ABSENT.keySet()) {
            if (r.has(sub)) {
                return sub;
            }
        }
        for (String sub : EMPTY.keySet()) {
            if (r.has(sub)) {
                return sub;
            }
        }
        return null;
    }

    S3Response get(S3Request req) throws S3Exception {
        store.meta().buckets().require(req.bucket());
        String sub = subresourceOf(req);
        S3ErrorCode absent = ABSENT.get(sub);
        if (absent != null) {
            throw new S3Exception(absent);
        }
        Unset doc = EMPTY.get(sub);
        return S3Response.xml(200, new XmlWriter().root(doc.root()).element(doc.child(), doc.value()).toBytes());
    }
}
