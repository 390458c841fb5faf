package io.strata.tiering.volume.cloud;

import io.strata.tiering.volume.CloudSpec;
import io.strata.tiering.volume.VolumeUnavailableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Whether a bucket can be used, told in terms of what to fix. A HEAD of a bucket has no error body, so the status
 * alone says what went wrong.
 */
final class BucketProbe {
    private BucketProbe() {
    }

    static void check(S3Client s3, CloudSpec spec, String volumeId) throws VolumeUnavailableException {
        String where = spec.endpoint() == null ? "AWS (" + spec.region() + ")" : spec.endpoint();
        try {
            s3.headBucket(b -> b.bucket(spec.bucket()));
        } catch (SdkServiceException e) {
            throw new VolumeUnavailableException(volumeId, explain(e.statusCode(), spec, where), e);
        } catch (SdkClientException e) {
            throw new VolumeUnavailableException(volumeId, "cannot reach " + where + " ("
                    + S3Errors.rootMessage(e) + "); check the endpoint's host, port and scheme", e);
        } catch (SdkException e) {
            throw new VolumeUnavailableException(volumeId, "bucket " + spec.bucket() + " at " + where + ": "
                    + S3Errors.rootMessage(e), e);
        }
    }

    private static String explain(int status, CloudSpec spec, String where) {
        String bucket = "bucket " + spec.bucket();
        return switch (status) {
            case 404 -> bucket + " does not exist at " + where;
            case 401, 403 -> where + " refused the credentials (access key " + spec.accessKey() + ") for " + bucket
                    + ": check the access key, the secret key and the key's rights on the bucket (HTTP " + status
                    + ")";
            case 301, 307 -> bucket + " is not in region " + spec.region() + " at " + where + " (HTTP " + status
                    + "); set the bucket's region";
            case 400 -> where + " rejected the request for " + bucket + " (HTTP 400): check the region ("
                    + spec.region() + ") and whether the endpoint needs path-style addressing (now "
                    + spec.pathStyle() + ")";
            default -> bucket + " at " + where + " answered HTTP " + status;
        };
    }
}
