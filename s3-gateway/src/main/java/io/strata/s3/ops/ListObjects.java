package io.strata.s3.ops;

import io.strata.meta.model.Inode;
import io.strata.meta.ns.ListPage;
import io.strata.meta.ns.ListQuery;
import io.strata.meta.ns.ResumePoint;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.store.ObjectStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** ListObjects (V1) and ListObjectsV2 over the namespace's paged key walk. */
final class ListObjects implements BufferedOperation.Handler {
    private static final int MAX_KEYS = 1000;

    private final ObjectStore store;
    private final boolean v2;

    ListObjects(ObjectStore store, boolean v2) {
        this.store = store;
        this.v2 = v2;
    }

    @Override
    public S3Response handle(S3Request req) throws Exception {
        String prefix = orEmpty(req.param("prefix"));
        String delimiter = req.param("delimiter");
        boolean url = urlEncoded(req);
        int maxKeys = maxKeys(req.param("max-keys"));
        ResumePoint after;
        if (v2) {
            String token = req.param("continuation-token");
            after = token != null ? decodeToken(token) : ResumePoint.fromMarker(req.param("start-after"), prefix, delimiter);
        } else {
            after = ResumePoint.fromMarker(req.param("marker"), prefix, delimiter);
        }
        ListPage page = store.meta().lister().list(req.bucket(), new ListQuery(prefix, delimiter, after, maxKeys));

        XmlWriter x = new XmlWriter().root("ListBucketResult")
                .element("Name", req.bucket())
                .element("Prefix", enc(prefix, url));
        if (v2) {
            x.element("KeyCount", page.objects().size() + page.commonPrefixes().size());
            x.element("ContinuationToken", req.param("continuation-token"));
            x.element("StartAfter", req.param("start-after") == null ? null : enc(req.param("start-after"), url));
            if (page.truncated()) {
                x.element("NextContinuationToken", encodeToken(page.next()));
            }
        } else {
            x.element("Marker", enc(orEmpty(req.param("marker")), url));
            if (page.truncated() && delimiter != null) {
                x.element("NextMarker", enc(page.next().key(), url));
            }
        }
        x.element("MaxKeys", maxKeys).element("Delimiter", delimiter == null ? null : enc(delimiter, url))
                .element("EncodingType", url ? "url" : null)
                .element("IsTruncated", page.truncated());
        boolean owner = !v2 || "true".equals(req.param("fetch-owner"));
        for (ListPage.Item item : page.objects()) {
            Inode inode = item.inode();
            x.start("Contents").element("Key", enc(item.key(), url))
                    .element("LastModified", Times.xml(inode.posix().mtimeNanos()))
                    .element("ETag", ObjectHeaders.quote(inode.object().etag()))
                    .element("Size", inode.size())
                    .element("StorageClass", store.storageClass(inode));
            if (owner) {
                x.user("Owner", BucketOps.OWNER_ID);
            }
            x.end();
        }
        for (String p : page.commonPrefixes()) {
            x.start("CommonPrefixes").element("Prefix", enc(p, url)).end();
        }
        return S3Response.xml(200, x.toBytes());
    }

    /** Whether the listing asked for {@code encoding-type=url}; any other encoding type is refused. */
    static boolean urlEncoded(S3Request req) throws S3Exception {
        String type = req.param("encoding-type");
        if (type != null && !"url".equals(type)) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request");
        }
        return type != null;
    }

    static int maxKeys(String value) throws S3Exception {
        if (value == null) {
            return MAX_KEYS;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Provided max-keys not an integer or within integer range");
        }
    }

    static String enc(String s, boolean url) {
        return url ? URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/") : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Opaque to clients: the resume key and whether it closed a common prefix. */
    static String encodeToken(ResumePoint p) {
        String raw = (p.skipGroup() ? "G" : "K") + p.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ResumePoint decodeToken(String token) throws S3Exception {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.isEmpty() || (raw.charAt(0) != 'G' && raw.charAt(0) != 'K')) {
                throw new IllegalArgumentException();
            }
            return new ResumePoint(raw.substring(1), raw.charAt(0) == 'G');
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "The continuation token provided is incorrect");
        }
    }
}
