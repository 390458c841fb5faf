package io.strata.s3.ops;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.tiering.store.Multipart;
import io.strata.tiering.store.ObjectStore;
import java.util.Set;

/** Picks the operation from method, bucket, key and subresource, as the S3 API reference lays them out. */
public final class Router {
    /**
     * Subresources Strata does not implement: answered NotImplemented rather than misread as another call. Reads of
     * bucket settings Strata does not keep are answered by {@link UnsetBucketSettings} before this check.
     */
    private static final Set<String> UNSUPPORTED = Set.of("policy", "cors", "lifecycle", "website", "logging",
            "notification", "replication", "encryption", "object-lock", "retention", "legal-hold", "torrent",
            "restore", "select", "analytics", "inventory", "metrics", "accelerate", "requestPayment", "ownershipControls",
            "publicAccessBlock", "intelligent-tiering", "attributes", "versions");

    private final BucketOps buckets;
    private final Route listBuckets;
    private final Route putObject;
    private final Route getObject;
    private final Route headObject;
    private final Route copyObject;
    private final Route deleteObjects;
    private final Route deleteObject;
    private final Route listV1;
    private final Route listV2;
    private final MultipartOps multipart;
    private final Operation uploadPart;
    private final TaggingOps tagging;
    private final AccessControl acl;
    private final Route listVersions;
    private final Route unsetSettings;

    public Router(ObjectStore store, Multipart mp) {
        buckets = new BucketOps(store);
        listBuckets = new Route("ListBuckets", BufferedOperation.of(buckets::list));
        putObject = new Route("PutObject", new PutObject(store));
        getObject = new Route("GetObject", BufferedOperation.of(new GetObject(store, true)));
        headObject = new Route("HeadObject", BufferedOperation.of(new GetObject(store, false)));
        copyObject = new Route("CopyObject", BufferedOperation.of(new CopyObject(store)));
        DeleteObjects deletes = new DeleteObjects(store);
        deleteObjects = new Route("DeleteObjects", deletes);
        deleteObject = new Route("DeleteObject", BufferedOperation.of(deletes::deleteOne));
        listV1 = new Route("ListObjects", BufferedOperation.of(new ListObjects(store, false)));
        listV2 = new Route("ListObjectsV2", BufferedOperation.of(new ListObjects(store, true)));
        multipart = new MultipartOps(store, mp);
        uploadPart = new UploadPart(store, mp);
        tagging = new TaggingOps(store);
        acl = new AccessControl(store);
        listVersions = new Route("ListObjectVersions", BufferedOperation.of(new ListObjectVersions(store)));
        unsetSettings = new Route("GetBucketSetting", BufferedOperation.of(new UnsetBucketSettings(store)::get));
    }

    public Route route(S3Request r) throws S3Exception {
        if (r.bucket() != null && r.has("acl")) {
            return accessControl(r);
        }
        if (r.bucket() != null && r.key() == null && r.method().equals("GET")) {
            if (r.has("versions")) {
                return listVersions;
            } else if (UnsetBucketSettings.subresourceOf(r) != null) {
                return unsetSettings;
            }
        }
        String versionId = r.param("versionId");
        if (r.key() != null && versionId != null && !"null".equals(versionId)) {
            // Objects have one version each, named "null" as in a bucket that never had versioning.
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Invalid version id specified");
        }
        for (String sub : UNSUPPORTED) {
            if (r.has(sub)) {
                throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, "Strata does not implement the ?" + sub + " subresource.");
            }
        }
        if (r.bucket() == null) {
            if (r.method().equals("GET")) {
                return listBuckets;
            }
            throw methodNotAllowed();
        }
        return r.key() == null ? bucketLevel(r) : objectLevel(r);
    }

    private Route bucketLevel(S3Request r) throws S3Exception {
        return switch (r.method()) {
            case "PUT" -> r.query().isEmpty() ? buffered("CreateBucket", buckets::create) : notImplemented(r);
            case "HEAD" -> buffered("HeadBucket", buckets::head);
            case "DELETE" -> buffered("DeleteBucket", buckets::delete);
            case "POST" -> r.has("delete") ? deleteObjects : notImplemented(r);
            case "GET" -> {
                if (r.has("location")) {
                    yield buffered("GetBucketLocation", buckets::location);
                } else if (r.has("uploads")) {
                    yield buffered("ListMultipartUploads", multipart::listUploads);
                } else if (r.has("versioning") || r.has("tagging")) {
                    yield notImplemented(r);
                }
                yield "2".equals(r.param("list-type")) ? listV2 : listV1;
            }
            default -> throw methodNotAllowed();
        };
    }

    private Route objectLevel(S3Request r) throws S3Exception {
        return switch (r.method()) {
            case "PUT" -> {
                if (r.has("uploadId") || r.has("partNumber")) {
                    yield new Route(r.header("x-amz-copy-source") != null ? "UploadPartCopy" : "UploadPart",
                            uploadPart);
                } else if (r.has("tagging")) {
                    yield new Route("PutObjectTagging", tagging.new Put());
                }
                yield r.header("x-amz-copy-source") != null ? copyObject : putObject;
            }
            case "GET" -> {
                if (r.has("uploadId")) {
                    yield buffered("ListParts", multipart::listParts);
                } else if (r.has("tagging")) {
                    yield buffered("GetObjectTagging", tagging::get);
                }
                yield getObject;
            }
            case "HEAD" -> headObject;
            case "DELETE" -> {
                if (r.has("uploadId")) {
                    yield buffered("AbortMultipartUpload", multipart::abort);
                } else if (r.has("tagging")) {
                    yield buffered("DeleteObjectTagging", tagging::delete);
                }
                yield deleteObject;
            }
            case "POST" -> {
                if (r.has("uploads")) {
                    yield buffered("CreateMultipartUpload", multipart::create);
                } else if (r.has("uploadId")) {
                    yield new Route("CompleteMultipartUpload", multipart.new Complete());
                }
                yield notImplemented(r);
            }
            default -> throw methodNotAllowed();
        };
    }

    private Route accessControl(S3Request r) throws S3Exception {
        String level = r.key() == null ? "Bucket" : "Object";
        return switch (r.method()) {
            case "GET" -> buffered("Get" + level + "Acl", acl::get);
            case "PUT" -> new Route("Put" + level + "Acl", acl.new Put());
            default -> throw methodNotAllowed();
        };
    }

    private static Route buffered(String name, BufferedOperation.Handler handler) {
        return new Route(name, BufferedOperation.of(handler));
    }

    private static Route notImplemented(S3Request r) throws S3Exception {
        throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, "Strata does not implement " + r.method() + " with "
                + r.query().keySet() + " here.");
    }

    private static S3Exception methodNotAllowed() {
        return new S3Exception(S3ErrorCode.METHOD_NOT_ALLOWED);
    }
}
