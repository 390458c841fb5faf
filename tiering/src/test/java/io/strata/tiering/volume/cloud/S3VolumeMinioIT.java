package io.strata.tiering.volume.cloud;

import io.strata.tiering.volume.CloudSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.s3.S3Client;

/** The cloud volume against a real MinIO; skipped, with a warning, where Docker is missing. */
@ExtendWith(LoudDockerSkip.class)
@Testcontainers(disabledWithoutDocker = true)
class S3VolumeMinioIT extends S3VolumeCases {
    private static final String BUCKET = "tier-cloud";

    @Container
    static final MinIOContainer MINIO = new MinIOContainer("minio/minio:RELEASE.2023-09-04T19-57-37Z");

    private static CloudSpec endpoint;

    @BeforeAll
    static void createBucket() {
        endpoint = new CloudSpec(MINIO.getS3URL(), "us-east-1", BUCKET, "", MINIO.getUserName(),
                MINIO.getPassword(), true);
        try (S3Client s3 = S3Clients.build(endpoint)) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @Override
    CloudSpec endpoint() {
        return endpoint;
    }
}
