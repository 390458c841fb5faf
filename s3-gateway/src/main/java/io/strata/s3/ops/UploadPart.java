package io.strata.s3.ops;

import io.strata.meta.model.Part;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.data.DurableBlob;
import io.strata.tiering.store.Multipart;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.store.OpenObject;
import java.util.Set;

/** UploadPart (a streamed body) and UploadPartCopy (a range of another object): each part is a blob of its own. */
final class UploadPart implements Operation {
    private static final int MAX_PART_NUMBER = 10_000;

    private final ObjectStore store;
    private final Multipart multipart;

    UploadPart(ObjectStore store, Multipart multipart) {
        this.store = store;
        this.multipart = multipart;
    }

    @Override
    public BodyTarget begin(S3Request req) throws Exception {
        int number = partNumber(req);
        String uploadId = req.param("uploadId");
        store.meta().uploads().require(req.bucket(), uploadId);
        if (req.header("x-amz-copy-source") != null) {
            return BufferedOperation.of(this::copyPart).begin(req);
        }
        return BlobUpload.start(store, req, blob -> {
            Part part = multipart.putPart(req.bucket(), uploadId, number, blob);
            S3Response r = S3Response.empty(200).header("ETag", ObjectHeaders.quote(part.etag()));
            part.checksums().forEach((alg, v) -> r.header(ChecksumAlgorithm.valueOf(alg).header(), v));
            return r;
        });
    }

    private S3Response copyPart(S3Request req) throws Exception {
        CopyObject.Source src = CopyObject.Source.of(req);
        String range = req.header("x-amz-copy-source-range");
        Part part;
        try (OpenObject source = CopyObject.openSource(store, req, src, range)) {
            DurableBlob blob = store.copy(req.bucket(), source, Set.of());
            part = multipart.putPart(req.bucket(), req.param("uploadId"), partNumber(req), blob);
        }
        return S3Response.xml(200, new XmlWriter().root("CopyPartResult")
                .element("LastModified", Times.xmlMillis(part.lastModifiedMillis()))
                .element("ETag", ObjectHeaders.quote(part.etag())).toBytes());
    }

    private static int partNumber(S3Request req) throws S3Exception {
        try {
            int n = Integer.parseInt(req.param("partNumber"));
            if (n >= 1 && n <= MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive");
    }
}
