package io.strata.s3.ops;

import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.ns.WriteCondition;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.store.ByteRange;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.store.OpenObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** CopyObject (and the source side of UploadPartCopy): x-amz-copy-source, its conditions, COPY or REPLACE. */
final class CopyObject implements BufferedOperation.Handler {
    private final ObjectStore store;

    CopyObject(ObjectStore store) {
        this.store = store;
    }

    /** Bucket and key named by x-amz-copy-source ({@code /bucket/key} or {@code bucket/key}, URL-encoded). */
    record Source(String bucket, ObjectKey key) {
        static Source of(S3Request req) throws S3Exception {
            String raw = req.header("x-amz-copy-source");
            String s = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            int q = s.indexOf("?versionId=");
            if (q >= 0) {
                s = s.substring(0, q);
            }
            if (s.startsWith("/")) {
                s = s.substring(1);
            }
            int slash = s.indexOf('/');
            if (slash <= 0 || slash == s.length() - 1) {
                throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
            }
            return new Source(s.substring(0, slash), ObjectKey.parse(s.substring(slash + 1)));
        }
    }

    /** Opens the copy source, checking x-amz-copy-source-if-* conditions, for the given range (null: whole). */
    static OpenObject openSource(ObjectStore store, S3Request req, Source src, String rangeHeader) throws Exception {
        return store.open(src.bucket(), src.key(), inode -> {
            try {
                ReadConditions.check(req, inode, "x-amz-copy-source-if-match", "x-amz-copy-source-if-none-match",
                        "x-amz-copy-source-if-modified-since", "x-amz-copy-source-if-unmodified-since");
                ByteRange range = rangeHeader == null ? null : Ranges.parse(rangeHeader, inode.size());
                if (range == null && inode.size() > 0) {
                    range = new ByteRange(0, inode.size() - 1);
                }
                return range == null ? new ByteRange(0, -1) : range;
            } catch (S3Exception e) {
                throw new GetObject.PlanFailure(e);
            }
        });
    }

    @Override
    public S3Response handle(S3Request req) throws Exception {
        ObjectKey target = ObjectKey.parse(req.key());
        AccessControl.requireOwnerOnly(req, S3ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
        Source src = Source.of(req);
        String directive = req.headers().get("x-amz-metadata-directive", "COPY");
        boolean replace = directive.equalsIgnoreCase("REPLACE");
        if (!replace && !directive.equalsIgnoreCase("COPY")) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Unknown metadata directive.");
        }
        if (!replace && src.bucket().equals(req.bucket()) && src.key().equals(target)) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "This copy request is illegal because it is trying to copy an "
                    + "object to itself without changing the object's metadata, storage class, website redirect location or "
                    + "encryption attributes.");
        }
        Inode copied;
        try (OpenObject source = openSource(store, req, src, null)) {
            ObjectAttrs requested = ObjectHeaders.fromRequest(req);
            ObjectAttrs from = source.inode().object();
            ObjectAttrs attrs = replace ? requested : new ObjectAttrs(null, from.headers(), from.userMetadata(),
                    "REPLACE".equalsIgnoreCase(req.header("x-amz-tagging-directive")) ? requested.tags() : from.tags(),
                    java.util.Map.of(), null, java.util.List.of());
            copied = store.copyTo(req.bucket(), target, source, attrs,
                    new WriteCondition(req.header("If-Match"), req.header("If-None-Match")));
        }
        byte[] xml = new XmlWriter().root("CopyObjectResult")
                .element("LastModified", Times.xml(copied.posix().mtimeNanos()))
                .element("ETag", ObjectHeaders.quote(copied.object().etag())).toBytes();
        return S3Response.xml(200, xml);
    }
}
