package io.strata.tiering.volume.cloud;

import io.strata.tiering.volume.BlobWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams one blob into an object. A blob that fits in one part is a single PUT; a larger one becomes a multipart
 * upload, one part sent each time the buffer fills, so a writer never holds more than one part. Every request
 * carries Content-MD5 and every returned ETag must equal the MD5 computed here: that is the end-to-end check of a
 * cloud write, and a mismatch fails it.
 */
final class S3BlobWriter implements BlobWriter {
    private static final Logger LOG = LoggerFactory.getLogger(S3BlobWriter.class);
    /** Above the 5 MiB S3 minimum; 10,000 parts of it reach 80 GiB per blob. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final Map<String, String> headers;
    private final S3Errors errors;
    private final UsageCounter usage;
    private final PartBuffer buffer;
    private final List<CompletedPart> parts = new ArrayList<>();
    private String uploadId;
    private long written;
    /** Set once a request that can leave an object behind was sent, so that abort knows to delete. */
    private boolean objectMayExist;
    private boolean committed;
    private boolean aborted;

    S3BlobWriter(S3Client s3, String bucket, String key, Map<String, String> metadata, S3Errors errors,
                 UsageCounter usage) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.headers = UserMetadata.toHeaders(metadata);
        this.errors = errors;
        this.usage = usage;
        this.buffer = new PartBuffer(PART_SIZE);
    }

    @Override
    public void write(ByteBuffer data) throws IOException {
        if (committed || aborted) {
            throw new IOException("writer of " + key + " is already " + (aborted ? "aborted" : "committed"));
        }
        while (data.hasRemaining()) {
            // A full buffer is sent only when more bytes follow, so a blob of exactly one part stays a single PUT.
            if (buffer.isFull()) {
                sendPart();
            }
            written += buffer.fill(data);
        }
    }

    @Override
    public long written() {
        return written;
    }

    @Override
    public void commit() throws IOException {
        if (committed || aborted) {
            throw new IOException("writer of " + key + " is already " + (aborted ? "aborted" : "committed"));
        }
        if (uploadId == null) {
            putWhole();
        } else {
            if (buffer.length() > 0) {
                sendPart();
            }
            complete();
        }
        committed = true;
        buffer.release();
        usage.added(written);
    }

    private void putWhole() throws IOException {
        byte[] md5 = buffer.md5();
        objectMayExist = true;
        String etag;
        try {
            etag = s3.putObject(b -> b.bucket(bucket).key(key).contentMD5(PartBuffer.base64(md5)).metadata(headers)
                    .contentLength((long) buffer.length()), buffer.body()).eTag();
        } catch (SdkException e) {
            throw errors.translate("PUT " + key, key, e);
        }
        checkEtag(etag, md5, "PUT " + key);
    }

    private void sendPart() throws IOException {
        if (uploadId == null) {
            try {
                uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).metadata(headers)).uploadId();
            } catch (SdkException e) {
                throw errors.translate("starting the multipart upload of " + key, key, e);
            }
        }
        int number = parts.size() + 1;
        byte[] md5 = buffer.md5();
        String what = "part " + number + " of " + key;
        String etag;
        try {
            etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                    .contentMD5(PartBuffer.base64(md5)).contentLength((long) buffer.length()), buffer.body()).eTag();
        } catch (SdkException e) {
            throw errors.translate("PUT " + what, key, e);
        }
        checkEtag(etag, md5, "PUT " + what);
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        buffer.clear();
    }

    private void complete() throws IOException {
        objectMayExist = true;
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            throw errors.translate("completing the multipart upload of " + key, key, e);
        }
    }

    /**
     * Endpoints that encrypt with KMS-managed keys return ETags that are not MD5s; such buckets fail here rather
     * than hold bytes that were never checked.
     */
    private static void checkEtag(String etag, byte[] md5, String what) throws IOException {
        String expected = PartBuffer.hex(md5);
        String got = etag == null ? "" : etag.replace("\"", "").toLowerCase(Locale.ROOT);
        if (!got.equals(expected)) {
            throw new IOException(what + ": the endpoint stored bytes with ETag " + etag + ", not the MD5 "
                    + expected + " of what was sent");
        }
    }

    @Override
    public void abort() {
        if (aborted) {
            return;
        }
        aborted = true;
        if (committed) {
            // Aborting a committed blob throws it away, as for a local volume.
            usage.removed(written);
        }
        buffer.release();
        if (uploadId != null && !committed) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException e) {
                LOG.warn("cannot abort the multipart upload {} of {}; the bucket's lifecycle rules must reclaim its"
                        + " parts: {}", uploadId, key, S3Errors.rootMessage(e));
            }
        }
        if (objectMayExist) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            } catch (RuntimeException e) {
                LOG.warn("cannot delete the partial object {}; the reclaimer retries: {}", key,
                        S3Errors.rootMessage(e));
            }
        }
    }
}
