package io.strata.tiering.volume.cloud;

import io.strata.tiering.volume.CloudSpec;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.s3.S3Client;

/** The cloud volume against s3proxy in this JVM, keeping objects in memory. */
class S3VolumeIT extends S3VolumeCases {
    private static final String ACCESS = "strata-it";
    private static final String SECRET = "strata-it-secret";
    private static final String BUCKET = "tier-cloud";

    private static S3Proxy proxy;
    private static CloudSpec endpoint;

    @BeforeAll
    static void startProxy() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(20);
        }
        endpoint = new CloudSpec("http://127.0.0.1:" + proxy.getPort(), "us-east-1", BUCKET, "", ACCESS, SECRET,
                true);
        try (S3Client s3 = S3Clients.build(endpoint)) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @AfterAll
    static void stopProxy() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
    }

    @Override
    CloudSpec endpoint() {
        return endpoint;
    }
}
