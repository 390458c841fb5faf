package io.strata.s3.ops;

import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.http.S3Request;
import io.strata.s3.http.S3Response;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.data.DurableBlob;
import io.strata.tiering.data.NewBlob;
import io.strata.tiering.store.ObjectStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The body target of PutObject and UploadPart: streams the payload into a new blob, then holds it to every digest
 * the client sent (Content-MD5, x-amz-checksum-* headers or trailers) before the caller publishes it.
 */
final class BlobUpload implements BodyTarget {
    /** Publishes a verified blob and answers. */
    @FunctionalInterface
    interface Publisher {
        S3Response publish(DurableBlob blob) throws Exception;
    }

    private final NewBlob blob;
    private final S3Request request;
    private final Map<ChecksumAlgorithm, String> expected;
    private final Publisher publisher;

    private BlobUpload(NewBlob blob, S3Request request, Map<ChecksumAlgorithm, String> expected, Publisher publisher) {
        this.blob = blob;
        this.request = request;
        this.expected = expected;
        this.publisher = publisher;
    }

    static BlobUpload start(ObjectStore store, S3Request req, Publisher publisher) throws Exception {
        Map<ChecksumAlgorithm, String> expected = new EnumMap<>(ChecksumAlgorithm.class);
        Set<ChecksumAlgorithm> compute = EnumSet.noneOf(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String v = req.header(a.header());
            if (v != null) {
                expected.put(a, v.trim());
                compute.add(a);
            }
        }
        for (String t : req.headers().get("x-amz-trailer", "").split(",")) {
            ChecksumAlgorithm a = algorithmOfHeader(t.trim());
            if (a != null) {
                compute.add(a);
            }
        }
        String sdk = req.header("x-amz-sdk-checksum-algorithm");
        if (sdk != null) {
            ChecksumAlgorithm a = ChecksumAlgorithm.parse(sdk);
            if (a == null) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Unknown checksum algorithm " + sdk);
            }
            compute.add(a);
        }
        String md5 = req.header("Content-MD5");
        if (md5 != null && decodeBase64(md5.trim(), 16) == null) {
            throw new S3Exception(S3ErrorCode.INVALID_DIGEST);
        }
        return new BlobUpload(store.startWrite(req.bucket(), compute), req, expected, publisher);
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
            verify(durable, trailers);
        } catch (Exception e) {
            blob.abort();
            throw e;
        }
        return publisher.publish(durable);
    }

    private void verify(DurableBlob durable, Map<String, String> trailers) throws S3Exception {
        String md5 = request.header("Content-MD5");
        if (md5 != null && !Base64.getEncoder().encodeToString(durable.hashes().md5()).equals(md5.trim())) {
            throw new S3Exception(S3ErrorCode.BAD_DIGEST, "The Content-MD5 you specified did not match what we received.");
        }
        Map<ChecksumAlgorithm, String> wanted = new EnumMap<>(expected);
        trailers.forEach((name, value) -> {
            ChecksumAlgorithm a = algorithmOfHeader(name);
            if (a != null) {
                wanted.put(a, value.trim());
            }
        });
        for (Map.Entry<ChecksumAlgorithm, String> w : wanted.entrySet()) {
            String got = durable.hashes().checksums().get(w.getKey());
            if (got == null || !got.equals(w.getValue())) {
                throw new S3Exception(S3ErrorCode.BAD_DIGEST,
                        "The " + w.getKey().name() + " you specified did not match the calculated checksum.");
            }
        }
    }

    @Override
    public void abort() {
        blob.abort();
    }

    private static ChecksumAlgorithm algorithmOfHeader(String header) {
        String h = header.toLowerCase(Locale.ROOT);
        return h.startsWith("x-amz-checksum-") ? ChecksumAlgorithm.parse(h.substring("x-amz-checksum-".length())) : null;
    }

    private static byte[] decodeBase64(String s, int expectedLength) {
        try {
            byte[] b = Base64.getDecoder().decode(s);
            return b.length == expectedLength ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
