package io.strata.s3.ops;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.tiering.store.Multipart;
import io.strata.tiering.store.ObjectStore;
import java.util.Set;

/** Picks the operation from method, bucket, key and subresource, as the S3 API reference lays them out. */
public final class Router {
    /** Subresources Strata does not implement: answered NotImplemented rather than misread as another call. */
    private static final Set<String> UNSUPPORTED = Set.of("acl", "policy", "cors", "lifecycle", "website", "logging",
            "notification", "replication", "encryption", "object-lock", "retention", "legal-hold", "torrent",
            "restore", "select", "analytics", "inventory", "metrics", "accelerate", "requestPayment", "ownershipControls",
            "publicAccessBlock", "intelligent-tiering", "attributes", "versions");

    private final BucketOps buckets;
    private final Operation listBuckets;
    private final Operation putObject;
    private final Operation getObject;
    private final Operation headObject;
    private final Operation copyObject;
    private final DeleteObjects deleteObjects;
    private final Operation deleteObject;
    private final Operation listV1;
    private final Operation listV2;
    private final MultipartOps multipart;
    private final Operation uploadPart;
    private final TaggingOps tagging;

    public Router(ObjectStore store, Multipart mp) {
        buckets = new BucketOps(store);
        listBuckets = BufferedOperation.of(buckets::list);
        putObject = new PutObject(store);
        getObject = BufferedOperation.of(new GetObject(store, true));
        headObject = BufferedOperation.of(new GetObject(store, false));
        copyObject = BufferedOperation.of(new CopyObject(store));
        deleteObjects = new DeleteObjects(store);
        deleteObject = BufferedOperation.of(deleteObjects::deleteOne);
        listV1 = BufferedOperation.of(new ListObjects(store, false));
        listV2 = BufferedOperation.of(new ListObjects(store, true));
        multipart = new MultipartOps(store, mp);
        uploadPart = new UploadPart(store, mp);
        tagging = new TaggingOps(store);
    }

    public Operation route(S3Request r) throws S3Exception {
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

    private Operation bucketLevel(S3Request r) throws S3Exception {
        return switch (r.method()) {
            case "PUT" -> r.query().isEmpty() ? BufferedOperation.of(buckets::create) : notImplemented(r);
            case "HEAD" -> BufferedOperation.of(buckets::head);
            case "DELETE" -> BufferedOperation.of(buckets::delete);
            case "POST" -> r.has("delete") ? deleteObjects : notImplemented(r);
            case "GET" -> {
                if (r.has("location")) {
                    yield BufferedOperation.of(buckets::location);
                } else if (r.has("uploads")) {
                    yield BufferedOperation.of(multipart::listUploads);
                } else if (r.has("versioning") || r.has("tagging")) {
                    yield notImplemented(r);
                }
                yield "2".equals(r.param("list-type")) ? listV2 : listV1;
            }
            default -> throw methodNotAllowed();
        };
    }

    private Operation objectLevel(S3Request r) throws S3Exception {
        return switch (r.method()) {
            case "PUT" -> {
                if (r.has("uploadId") || r.has("partNumber")) {
                    yield uploadPart;
                } else if (r.has("tagging")) {
                    yield tagging.new Put();
                }
                yield r.header("x-amz-copy-source") != null ? copyObject : putObject;
            }
            case "GET" -> {
                if (r.has("uploadId")) {
                    yield BufferedOperation.of(multipart::listParts);
                } else if (r.has("tagging")) {
                    yield BufferedOperation.of(tagging::get);
                }
                yield getObject;
            }
            case "HEAD" -> headObject;
            case "DELETE" -> {
                if (r.has("uploadId")) {
                    yield BufferedOperation.of(multipart::abort);
                } else if (r.has("tagging")) {
                    yield BufferedOperation.of(tagging::delete);
                }
                yield deleteObject;
            }
            case "POST" -> {
                if (r.has("uploads")) {
                    yield BufferedOperation.of(multipart::create);
                } else if (r.has("uploadId")) {
                    yield multipart.new Complete();
                }
                yield notImplemented(r);
            }
            default -> throw methodNotAllowed();
        };
    }

    private static Operation notImplemented(S3Request r) throws S3Exception {
        throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, "Strata does not implement " + r.method() + " with "
                + r.query().keySet() + " here.");
    }

    private static S3Exception methodNotAllowed() {
        return new S3Exception(S3ErrorCode.METHOD_NOT_ALLOWED);
    }
}
