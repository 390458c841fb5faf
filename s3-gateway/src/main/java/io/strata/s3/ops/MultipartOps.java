package io.strata.s3.ops;

import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.Inode;
import io.strata.meta.model.Part;
import io.strata.meta.model.Upload;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlNode;
import io.strata.s3.xml.XmlReader;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.store.Multipart;
import io.strata.tiering.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/** CreateMultipartUpload, CompleteMultipartUpload, AbortMultipartUpload, ListParts, ListMultipartUploads. */
final class MultipartOps {
    private static final int MAX_PARTS_LISTED = 1000;

    private final ObjectStore store;
    private final Multipart multipart;

    MultipartOps(ObjectStore store, Multipart multipart) {
        this.store = store;
        this.multipart = multipart;
    }

    S3Response create(S3Request req) throws Exception {
        ObjectKey key = ObjectKey.parse(req.key());
        AccessControl.requireOwnerOnly(req, S3ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED);
        String alg = req.header("x-amz-checksum-algorithm");
        ChecksumAlgorithm algorithm = alg == null ? null : ChecksumAlgorithm.parse(alg);
        if (alg != null && algorithm == null) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Checksum algorithm " + alg + " is not supported.");
        }
        Upload u = multipart.create(req.bucket(), key, ObjectHeaders.fromRequest(req), algorithm);
        S3Response r = S3Response.xml(200, new XmlWriter().root("InitiateMultipartUploadResult")
                .element("Bucket", req.bucket()).element("Key", req.key()).element("UploadId", u.uploadId()).toBytes());
        if (algorithm != null) {
            r.header("x-amz-checksum-algorithm", algorithm.name());
            r.header("x-amz-checksum-type", "COMPOSITE");
        }
        return r;
    }

    final class Complete extends BufferedOperation {
        @Override
        protected S3Response handle(S3Request req, byte[] body) throws Exception {
            XmlNode root = XmlReader.parse(body);
            if (!"CompleteMultipartUpload".equals(root.name())) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            List<Multipart.Chosen> chosen = new ArrayList<>();
            for (XmlNode p : root.all("Part")) {
                try {
                    chosen.add(new Multipart.Chosen(Integer.parseInt(p.childText("PartNumber").trim()), p.childText("ETag")));
                } catch (RuntimeException e) {
                    throw new S3Exception(S3ErrorCode.MALFORMED_XML);
                }
            }
            Inode inode = multipart.complete(req.bucket(), req.param("uploadId"), chosen);
            XmlWriter x = new XmlWriter().root("CompleteMultipartUploadResult")
                    .element("Location", "/" + req.bucket() + "/" + req.key())
                    .element("Bucket", req.bucket()).element("Key", req.key())
                    .element("ETag", ObjectHeaders.quote(inode.object().etag()));
            inode.object().checksums().forEach((alg, v) -> x.element("Checksum" + alg, v));
            return S3Response.xml(200, x.toBytes());
        }
    }

    S3Response abort(S3Request req) {
        store.meta().uploads().abort(req.bucket(), req.param("uploadId"));
        return S3Response.empty(204);
    }

    S3Response listParts(S3Request req) throws S3Exception {
        Upload u = store.meta().uploads().require(req.bucket(), req.param("uploadId"));
        int max = Math.min(ListObjects.maxKeys(req.param("max-parts")), MAX_PARTS_LISTED);
        int after = parseInt(req.param("part-number-marker"));
        List<Part> parts = store.meta().uploads().parts(u.uploadId(), after, max + 1);
        boolean truncated = parts.size() > max;
        List<Part> page = truncated ? parts.subList(0, max) : parts;
        XmlWriter x = new XmlWriter().root("ListPartsResult").element("Bucket", req.bucket()).element("Key", u.key())
                .element("UploadId", u.uploadId()).element("PartNumberMarker", after)
                .element("NextPartNumberMarker", page.isEmpty() ? after : page.get(page.size() - 1).partNumber())
                .element("MaxParts", max).element("IsTruncated", truncated).element("StorageClass", "STANDARD")
                .user("Initiator", BucketOps.OWNER_ID)
                .user("Owner", BucketOps.OWNER_ID);
        for (Part p : page) {
            x.start("Part").element("PartNumber", p.partNumber()).element("LastModified", Times.xmlMillis(p.lastModifiedMillis()))
                    .element("ETag", ObjectHeaders.quote(p.etag())).element("Size", p.size());
            p.checksums().forEach((alg, v) -> x.element("Checksum" + alg, v));
            x.end();
        }
        return S3Response.xml(200, x.toBytes());
    }

    S3Response listUploads(S3Request req) throws S3Exception {
        store.meta().buckets().require(req.bucket());
        String prefix = req.param("prefix") == null ? "" : req.param("prefix");
        int max = ListObjects.maxKeys(req.param("max-uploads"));
        List<Upload> uploads = store.meta().uploads().list(req.bucket(), prefix, req.param("key-marker"),
                req.param("upload-id-marker"), max + 1);
        boolean truncated = uploads.size() > max;
        List<Upload> page = truncated ? uploads.subList(0, max) : uploads;
        XmlWriter x = new XmlWriter().root("ListMultipartUploadsResult").element("Bucket", req.bucket())
                .element("KeyMarker", req.param("key-marker") == null ? "" : req.param("key-marker"))
                .element("UploadIdMarker", req.param("upload-id-marker") == null ? "" : req.param("upload-id-marker"))
                .element("Prefix", prefix).element("MaxUploads", max).element("IsTruncated", truncated);
        if (truncated && !page.isEmpty()) {
            Upload last = page.get(page.size() - 1);
            x.element("NextKeyMarker", last.key()).element("NextUploadIdMarker", last.uploadId());
        }
        for (Upload u : page) {
            x.start("Upload").element("Key", u.key()).element("UploadId", u.uploadId())
                    .user("Initiator", BucketOps.OWNER_ID)
                    .user("Owner", BucketOps.OWNER_ID)
                    .element("StorageClass", "STANDARD").element("Initiated", Times.xmlMillis(u.initiatedMillis())).end();
        }
        return S3Response.xml(200, x.toBytes());
    }

    private static int parseInt(String v) throws S3Exception {
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Invalid part number marker");
        }
    }
}
