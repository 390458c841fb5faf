package io.strata.s3.ops;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.tiering.checksum.ContentHashes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The body target of a PutObject small enough to live in the namespace: the declared length is read into memory
 * (bounded by the inline limit), hashed, checked against the client's digests and published in one transaction.
 */
final class InlineUpload implements BodyTarget {
    /** Submits the verified bytes for publication; the stage answers once they are published. */
    @FunctionalInterface
    interface Publisher {
        CompletionStage<S3Response> publish(byte[] data, ContentHashes.Result hashes) throws Exception;
    }

    private final byte[] data;
    private final Digests digests;
    private final ContentHashes hashes;
    private final Publisher publisher;
    private int filled;

    InlineUpload(S3Request req, int declaredLength, Publisher publisher) throws S3Exception {
        this.data = new byte[declaredLength];
        this.digests = Digests.of(req);
        this.hashes = new ContentHashes(digests.compute());
        this.publisher = publisher;
    }

    @Override
    public void accept(ByteBuffer payload) throws IOException {
        if (payload.remaining() > data.length - filled) {
            throw new IOException(new S3Exception(S3ErrorCode.INVALID_REQUEST, "The body is longer than declared."));
        }
        hashes.update(payload.duplicate());
        int n = payload.remaining();
        payload.get(data, filled, n);
        filled += n;
    }

    @Override
    public S3Response finish(Map<String, String> trailers) throws Exception {
        try {
            return finishLater(trailers).toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Hashing the last bytes of a small object and checking digests take microseconds: no worker is needed. */
    @Override
    public boolean finishesWithoutBlocking() {
        return true;
    }

    @Override
    public CompletionStage<S3Response> finishLater(Map<String, String> trailers) {
        try {
            if (filled != data.length) {
                throw new S3Exception(S3ErrorCode.INCOMPLETE_BODY);
            }
            ContentHashes.Result result = hashes.finish();
            digests.verify(result, trailers);
            return publisher.publish(data, result);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void abort() {
    }
}
