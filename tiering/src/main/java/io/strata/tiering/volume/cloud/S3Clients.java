package io.strata.tiering.volume.cloud;

import io.strata.tiering.volume.CloudSpec;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Builds the S3 client of a cloud volume. */
final class S3Clients {
    /** A dead endpoint must fail a request in seconds: callers turn that into "retry later" for their clients. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Long enough for an 8 MiB part over a slow link, short enough that a hung endpoint is noticed. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_CONNECTIONS = 64;
    static final int MAX_ATTEMPTS = 3;

    private S3Clients() {
    }

    static S3Client build(CloudSpec spec) {
        if (spec.bucket() == null || spec.bucket().isBlank()) {
            throw new IllegalArgumentException("a cloud volume needs a bucket");
        }
        // Apache 5, not the 4.x client: the SDK deprecates the latter and brings the former with s3 already.
        Apache5HttpClient.Builder http = Apache5HttpClient.builder()
                .maxConnections(MAX_CONNECTIONS)
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT);
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(http)
                .region(Region.of(spec.region()))
                .credentialsProvider(credentials(spec))
                .forcePathStyle(spec.pathStyle())
                // The default (WHEN_SUPPORTED) adds CRC trailers in aws-chunked bodies, which s3proxy, older
                // MinIO and NAS gateways reject or store wrongly; integrity comes from Content-MD5 instead.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // Bodies are whole parts in memory, so streaming signatures buy nothing and plain bodies are what
                // every S3 look-alike understands.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS)));
        URI endpoint = endpoint(spec);
        if (endpoint != null) {
            b.endpointOverride(endpoint);
        }
        return b.build();
    }

    /** Null for AWS itself, where the SDK derives the endpoint from the region. */
    static URI endpoint(CloudSpec spec) {
        String e = spec.endpoint();
        if (e == null || e.isBlank()) {
            return null;
        }
        if (!e.startsWith("http://") && !e.startsWith("https://")) {
            throw new IllegalArgumentException("endpoint " + e + " must start with http:// or https://");
        }
        return URI.create(e);
    }

    private static AwsCredentialsProvider credentials(CloudSpec spec) {
        if (spec.accessKey() == null || spec.accessKey().isBlank()) {
            // No keys in the spec: the machine's own (environment, profile, instance role).
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(spec.accessKey(),
                spec.secretKey() == null ? "" : spec.secretKey()));
    }
}
