package io.strata.server;

import io.strata.tiering.volume.CloudSpec;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A cloud bucket for tests: s3proxy in this JVM, keeping objects in a directory so that it can be stopped (the cloud
 * "goes down") and started again on the same port with the same objects.
 */
final class CloudEndpoint implements AutoCloseable {
    static final String ACCESS = "cloud-it";
    static final String SECRET = "cloud-it-secret";

    private final Path dir;
    private final int port;
    private S3Proxy proxy;

    private CloudEndpoint(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static CloudEndpoint start(Path dir, String... buckets) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        CloudEndpoint c = new CloudEndpoint(dir, TestServers.freePorts(1)[0]);
        c.up();
        try (S3Client s3 = c.client()) {
            for (String b : buckets) {
                s3.createBucket(r -> r.bucket(b));
            }
        }
        return c;
    }

    /** (Re)starts the endpoint on its port. */
    void up() throws Exception {
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", dir.toString());
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", p))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(20);
        }
    }

    /** Stops answering: connections are refused until {@link #up()}. */
    void down() throws Exception {
        proxy.stop();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    CloudSpec spec(String bucket, String prefix) {
        return new CloudSpec(url(), "us-east-1", bucket, prefix, ACCESS, SECRET, true);
    }

    /** The admin API's body adding this endpoint's {@code bucket} as cloud volume {@code id}. */
    String volumeJson(String id, String bucket, String prefix) {
        return "{\"id\":\"" + id + "\",\"tier\":\"cloud\",\"cloud\":{\"endpoint\":\"" + url() + "\",\"bucket\":\""
                + bucket + "\",\"prefix\":\"" + prefix + "\",\"accessKey\":\"" + ACCESS + "\",\"secretKey\":\"" + SECRET
                + "\"}}";
    }

    /** A plain SDK client on the endpoint: what a user sees in the cloud bucket without Strata. */
    S3Client client() {
        return S3Client.builder().endpointOverride(URI.create(url())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public void close() throws Exception { // NOPMD: s3proxy's stop declares Exception
        if (proxy != null) {
            proxy.stop();
        }
    }
}
