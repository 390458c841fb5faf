package io.strata.tiering.volume.cloud;

import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.CloudSpec;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeUnavailableException;
import io.strata.tiering.volume.VolumeUsage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A volume in an S3 bucket (AWS, MinIO, a NAS's S3 gateway, ...). A blob id is the object's key below the spec's
 * prefix, so what the mover writes here is readable with any S3 tool without Strata. Every failure to reach the
 * endpoint, and refused credentials, surface as {@link VolumeUnavailableException} so that callers answer "retry
 * later" rather than "not found".
 *
 * <p>{@link #usage()} has no capacity or free space to give for a bucket and reports -1 for both (as
 * {@link io.strata.tiering.volume.VolumeInfo} does for capacity); what the volume holds is {@link #usedBytes()}.
 */
public final class S3Volume implements Volume, AutoCloseable {
    private final String id;
    private final CloudSpec spec;
    private final S3Client s3;
    private final BlobKeys keys;
    private final S3Errors errors;
    private final UsageCounter usage;

    /**
     * Opens the volume without waiting for the endpoint (it may be down now and back later); counting what the
     * prefix holds starts in the background. Use {@link #probe} first to refuse a spec that cannot work.
     */
    public S3Volume(String id, CloudSpec spec) {
        this.id = id;
        this.spec = spec;
        this.s3 = S3Clients.build(spec);
        this.keys = new BlobKeys(spec.prefix());
        this.errors = new S3Errors(id, spec.bucket(), spec.endpoint(), spec.accessKey());
        this.usage = new UsageCounter(id, s3, spec.bucket(), keys.listPrefix());
        usage.start();
    }

    /**
     * Checks that the bucket of {@code spec} can be reached with its credentials, before a volume is added: a
     * wrong endpoint, bucket or key is reported here, in words an admin can act on, and not on the first move.
     */
    public static void probe(CloudSpec spec) throws VolumeUnavailableException {
        try (S3Client client = S3Clients.build(spec)) {
            BucketProbe.check(client, spec, "(new)");
        }
    }

    /** {@link #probe} for this volume's bucket, with its client. */
    public void check() throws VolumeUnavailableException {
        BucketProbe.check(s3, spec, id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Tier tier() {
        return Tier.CLOUD;
    }

    public CloudSpec spec() {
        return spec;
    }

    /** The object key of a blob; validates the id. */
    public String keyOf(String blobId) {
        return keys.keyOf(blobId);
    }

    @Override
    public BlobWriter create(String blobId) {
        return create(blobId, Map.of());
    }

    /**
     * Overwrites an object with the same id on commit, as S3 does; the mover checks {@link #exists} first, since
     * conditional writes are not understood by every S3 look-alike.
     */
    @Override
    public BlobWriter create(String blobId, Map<String, String> metadata) {
        return new S3BlobWriter(s3, spec.bucket(), keys.keyOf(blobId), metadata, errors, usage);
    }

    @Override
    public boolean exists(String blobId) throws IOException {
        try {
            size(blobId);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public BlobReader open(String blobId) throws IOException {
        return new S3BlobReader(this, blobId, size(blobId));
    }

    /** The object's size by HEAD; {@link NoSuchFileException} when it does not exist. */
    private long size(String blobId) throws IOException {
        String key = keys.keyOf(blobId);
        try {
            return s3.headObject(b -> b.bucket(spec.bucket()).key(key)).contentLength();
        } catch (SdkException e) {
            throw errors.translate("HEAD " + key, key, e);
        }
    }

    @Override
    public InputStream openStream(String blobId, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad range " + offset + "+" + length + " of " + blobId);
        }
        String key = keys.keyOf(blobId);
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        String what = "GET " + key + " " + range;
        ResponseInputStream<GetObjectResponse> body;
        try {
            body = s3.getObject(b -> b.bucket(spec.bucket()).key(key).range(range));
        } catch (SdkException e) {
            throw errors.translate(what, key, e);
        }
        return new RangeStream(body, length, errors, what);
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public void delete(String blobId) throws IOException {
        String key = keys.keyOf(blobId);
        // The size keeps usedBytes() current; a HEAD is cheaper than listing again.
        long size;
        try {
            size = size(blobId);
        } catch (NoSuchFileException e) {
            return;
        }
        try {
            s3.deleteObject(b -> b.bucket(spec.bucket()).key(key));
        } catch (SdkException e) {
            throw errors.translate("DELETE " + key, key, e);
        }
        usage.removed(size);
    }

    /** Neither capacity nor free space exists for a bucket: both are -1. See {@link #usedBytes()}. */
    @Override
    public VolumeUsage usage() {
        return VolumeUsage.unbounded(usedBytes());
    }

    /**
     * Bytes stored under the prefix: listed once when the volume opened, then kept current by this volume's commits
     * and deletes. -1 until that listing has finished (it is retried if the endpoint was down).
     */
    public long usedBytes() {
        return usage.usedBytes();
    }

    @Override
    public void close() {
        usage.close();
        s3.close();
    }

    @Override
    public String toString() {
        return "S3Volume[" + id + " s3://" + spec.bucket() + "/" + spec.prefix() + " at " + spec.endpoint() + "]";
    }
}
