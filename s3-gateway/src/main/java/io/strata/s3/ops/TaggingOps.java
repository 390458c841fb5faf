package io.strata.s3.ops;

import io.strata.meta.key.ObjectKey;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlReader;
import io.strata.tiering.store.ObjectStore;
import java.util.Map;

/** GetObjectTagging, PutObjectTagging, DeleteObjectTagging. */
final class TaggingOps {
    private final ObjectStore store;

    TaggingOps(ObjectStore store) {
        this.store = store;
    }

    S3Response get(S3Request req) {
        var inode = store.meta().objects().find(req.bucket(), ObjectKey.parse(req.key()));
        return S3Response.xml(200, Tags.toXml(inode.object().tags()));
    }

    final class Put extends BufferedOperation {
        @Override
        protected S3Response handle(S3Request req, byte[] body) throws Exception {
            Map<String, String> tags = Tags.fromXml(XmlReader.parse(body));
            store.meta().objects().setTags(req.bucket(), ObjectKey.parse(req.key()), tags);
            return S3Response.empty(200);
        }
    }

    S3Response delete(S3Request req) {
        store.meta().objects().setTags(req.bucket(), ObjectKey.parse(req.key()), Map.of());
        return S3Response.empty(204);
    }
}
