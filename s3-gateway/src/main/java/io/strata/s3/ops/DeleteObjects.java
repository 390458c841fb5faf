package io.strata.s3.ops;

import io.strata.meta.error.MetaException;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.ns.WriteCondition;
import io.strata.s3.error.ErrorTranslator;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.s3.xml.XmlNode;
import io.strata.s3.xml.XmlReader;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.store.ObjectStore;
import java.util.List;

/** DeleteObject and DeleteObjects (up to 1000 keys, each its own transaction, errors reported per key). */
final class DeleteObjects extends BufferedOperation {
    private static final int MAX_KEYS = 1000;

    private final ObjectStore store;

    DeleteObjects(ObjectStore store) {
        this.store = store;
    }

    S3Response deleteOne(S3Request req) throws S3Exception {
        store.meta().buckets().require(req.bucket());
        WriteCondition condition = new WriteCondition(req.header("If-Match"), null);
        try {
            store.meta().objects().delete(req.bucket(), ObjectKey.parse(req.key()), condition);
        } catch (io.strata.meta.error.InvalidNameException e) {
            // A key that cannot exist is already deleted.
        }
        return S3Response.empty(204);
    }

    @Override
    protected S3Response handle(S3Request req, byte[] body) throws Exception {
        store.meta().buckets().require(req.bucket());
        XmlNode root = XmlReader.parse(body);
        List<XmlNode> objects = root.all("Object");
        if (!"Delete".equals(root.name()) || objects.isEmpty() || objects.size() > MAX_KEYS) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        boolean quiet = "true".equalsIgnoreCase(root.childText("Quiet"));
        XmlWriter x = new XmlWriter().root("DeleteResult");
        for (XmlNode o : objects) {
            String key = o.childText("Key");
            if (key == null) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            try {
                store.meta().objects().delete(req.bucket(), ObjectKey.parse(key),
                        new WriteCondition(o.childText("ETag"), null));
                if (!quiet) {
                    x.start("Deleted").element("Key", key).end();
                }
            } catch (io.strata.meta.error.InvalidNameException e) {
                if (!quiet) {
                    x.start("Deleted").element("Key", key).end();
                }
            } catch (MetaException e) {
                S3Exception s3 = ErrorTranslator.translate(e);
                x.start("Error").element("Key", key).element("Code", s3.code().code())
                        .element("Message", s3.getMessage()).end();
            }
        }
        return S3Response.xml(200, x.toBytes());
    }
}
