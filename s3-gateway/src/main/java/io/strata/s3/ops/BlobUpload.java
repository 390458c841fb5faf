package io.strata.s3.ops;

import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.tiering.data.DurableBlob;
import io.strata.tiering.data.NewBlob;
import io.strata.tiering.store.ObjectStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The body target of PutObject and UploadPart for bodies that get a data file: streams the payload into a new
 * blob, then holds it to every digest the client sent before the caller publishes it.
 */
final class BlobUpload implements BodyTarget {
    /** Publishes a verified blob and answers. */
    @FunctionalInterface
    interface Publisher {
        S3Response publish(DurableBlob blob) throws Exception;
    }

    private final NewBlob blob;
    private final Digests digests;
    private final Publisher publisher;

    private BlobUpload(NewBlob blob, Digests digests, Publisher publisher) {
        this.blob = blob;
        this.digests = digests;
        this.publisher = publisher;
    }

    static BlobUpload start(ObjectStore store, S3Request req, Publisher publisher) throws Exception {
        Digests digests = Digests.of(req);
        return new BlobUpload(store.startWrite(req.bucket(), digests.compute()), digests, publisher);
    }

    @Override
    public void accept(ByteBuffer payload) throws IOException {
        blob.write(payload);
    }

    @Override
    public S3Response finish(Map<String, String> trailers) throws Exception {
        DurableBlob durable;
        try {
            durable = blob.finish();
            digests.verify(durable.hashes(), trailers);
        } catch (Exception e) {
            blob.abort();
            throw e;
        }
        return publisher.publish(durable);
    }

    @Override
    public void abort() {
        blob.abort();
    }
}
