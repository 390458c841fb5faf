package io.strata.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** An S3 server under test: where it listens and the credentials it accepts. */
record Endpoint(String name, URI uri, String accessKey, String secretKey) {

    S3Client client(int connections) {
        return S3Client.builder()
                .endpointOverride(uri)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                // Same client settings for every server: the SDK's default integrity checksums stay on.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED)
                .httpClient(ApacheHttpClient.builder().maxConnections(connections).build())
                .build();
    }
}
