package io.strata.s3.ops;

import io.strata.meta.model.Bucket;
import io.strata.meta.model.Inode;
import io.strata.meta.model.PosixAttrs;
import io.strata.meta.ns.PosixMetadata;
import io.strata.meta.model.ObjectAttrs;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Object attributes to and from HTTP headers: standard headers, x-amz-meta-*, tagging, checksums. */
final class ObjectHeaders {
    private static final int MAX_USER_METADATA_BYTES = 2048;

    private ObjectHeaders() {
    }

    /** The attributes a PUT, copy with REPLACE, or CreateMultipartUpload asks to store (no ETag yet). */
    static ObjectAttrs fromRequest(S3Request req) throws S3Exception {
        Map<String, String> headers = new HashMap<>();
        for (String name : ObjectAttrs.STORED_HEADERS) {
            String v = req.header(name);
            if (v != null) {
                headers.put(name, v);
            }
        }
        Map<String, String> meta = new HashMap<>();
        int size = 0;
        for (Map.Entry<String, String> h : req.headers()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-meta-")) {
                String key = name.substring("x-amz-meta-".length());
                meta.put(key, h.getValue());
                size += key.getBytes(StandardCharsets.UTF_8).length + h.getValue().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (size > MAX_USER_METADATA_BYTES) {
            throw new S3Exception(S3ErrorCode.METADATA_TOO_LARGE);
        }
        String tagging = req.header("x-amz-tagging");
        Map<String, String> tags = tagging == null ? Map.of() : Tags.fromQueryString(tagging);
        return new ObjectAttrs(null, headers, meta, tags, Map.of(), null, java.util.List.of());
    }

    /** Headers of GET and HEAD answers for the inode. */
    /**
     * @param bucket the object's bucket: an owner or mode other than its defaults (set over NFS, or by a PUT with
     *               s3fs's uid/gid/mode metadata) shows as x-amz-meta-uid, -gid and -mode; defaults show nothing,
     *               so plain S3 objects return exactly the metadata they were given
     */
    static void write(S3Response r, Inode inode, S3Request req, Bucket bucket) {
        ObjectAttrs a = inode.object();
        r.header("ETag", quote(a.etag()));
        r.header("Last-Modified", Times.header(inode.posix().mtimeNanos()));
        r.header("Accept-Ranges", "bytes");
        String type = a.contentType();
        r.header("Content-Type", type != null ? type : inode.isDirectory() ? "application/x-directory" : "binary/octet-stream");
        a.headers().forEach((k, v) -> {
            if (!k.equals("content-type")) {
                r.header(k, v);
            }
        });
        a.userMetadata().forEach((k, v) -> r.header("x-amz-meta-" + k, v));
        PosixAttrs p = inode.posix();
        int defaultMode = inode.isDirectory() ? bucket.defaultDirMode() : bucket.defaultFileMode();
        if (p.uid() != bucket.defaultUid() || p.gid() != bucket.defaultGid() || p.mode() != defaultMode) {
            PosixMetadata.of(p, inode.isDirectory()).forEach((k, v) -> r.header("x-amz-meta-" + k, v));
        }
        if (!a.tags().isEmpty()) {
            r.header("x-amz-tagging-count", a.tags().size());
        }
        if (!a.partSizes().isEmpty()) {
            r.header("x-amz-mp-parts-count", a.partSizes().size());
        }
        if ("ENABLED".equalsIgnoreCase(req.header("x-amz-checksum-mode"))) {
            a.checksums().forEach((alg, v) -> {
                ChecksumAlgorithm algorithm = ChecksumAlgorithm.parse(alg);
                if (algorithm != null) {
                    r.header(algorithm.header(), v);
                }
            });
            r.header("x-amz-checksum-type", a.checksumType());
        }
        // response-* query parameters override headers on GET (presigned downloads use them).
        for (String h : new String[] {"content-type", "content-language", "expires", "cache-control",
                "content-disposition", "content-encoding"}) {
            String v = req.param("response-" + h);
            if (v != null) {
                r.header(h, v);
            }
        }
    }

    static String quote(String etag) {
        return etag == null ? null : "\"" + etag + "\"";
    }
}
