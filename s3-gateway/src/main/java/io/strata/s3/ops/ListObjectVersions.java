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

/**
 * ListObjectVersions on a bucket that never had versioning: every object is its one version, with the version id
 * {@code null} and IsLatest true, as AWS lists an unversioned bucket. Same key walk as ListObjects.
 */
final class ListObjectVersions implements BufferedOperation.Handler {
    private final ObjectStore store;

    ListObjectVersions(ObjectStore store) {
        this.store = store;
    }

    @Override
    public S3Response handle(S3Request req) throws Exception {
        String prefix = req.param("prefix") == null ? "" : req.param("prefix");
        String delimiter = req.param("delimiter");
        boolean url = ListObjects.urlEncoded(req);
        String keyMarker = req.param("key-marker");
        String versionMarker = req.param("version-id-marker");
        if (versionMarker != null && !versionMarker.isEmpty() && keyMarker == null) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT,
                    "A version-id marker cannot be specified without a key marker.");
        }
        int maxKeys = ListObjects.maxKeys(req.param("max-keys"));
        ListPage page = store.meta().lister().list(req.bucket(),
                new ListQuery(prefix, delimiter, ResumePoint.fromMarker(keyMarker, prefix, delimiter), maxKeys));

        XmlWriter x = new XmlWriter().root("ListVersionsResult")
                .element("Name", req.bucket())
                .element("Prefix", ListObjects.enc(prefix, url))
                .element("KeyMarker", ListObjects.enc(keyMarker == null ? "" : keyMarker, url))
                .element("VersionIdMarker", versionMarker == null ? "" : versionMarker);
        if (page.truncated()) {
            x.element("NextKeyMarker", ListObjects.enc(page.next().key(), url)).element("NextVersionIdMarker", "null");
        }
        x.element("MaxKeys", maxKeys).element("Delimiter", delimiter == null ? null : ListObjects.enc(delimiter, url))
                .element("EncodingType", url ? "url" : null)
                .element("IsTruncated", page.truncated());
        for (ListPage.Item item : page.objects()) {
            Inode inode = item.inode();
            x.start("Version").element("Key", ListObjects.enc(item.key(), url))
                    .element("VersionId", "null")
                    .element("IsLatest", true)
                    .element("LastModified", Times.xml(inode.posix().mtimeNanos()))
                    .element("ETag", ObjectHeaders.quote(inode.object().etag()))
                    .element("Size", inode.size())
                    .element("StorageClass", store.storageClass(inode))
                    .user("Owner", BucketOps.OWNER_ID)
                    .end();
        }
        for (String p : page.commonPrefixes()) {
            x.start("CommonPrefixes").element("Prefix", ListObjects.enc(p, url)).end();
        }
        return S3Response.xml(200, x.toBytes());
    }
}
