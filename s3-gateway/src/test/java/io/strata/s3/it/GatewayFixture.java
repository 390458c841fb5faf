package io.strata.s3.it;

import io.strata.meta.TestPorts;
import io.strata.meta.MetaStore;
import io.strata.s3.http.S3Server;
import io.strata.s3.http.S3Settings;
import io.strata.tiering.data.ReadLeases;
import io.strata.tiering.store.Multipart;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.volume.LocalVolume;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** A real gateway on an ephemeral port over a real namespace and volume, for SDK-driven tests. */
final class GatewayFixture implements AutoCloseable {
    static final String ACCESS = "test-access";
    static final String SECRET = "test-secret-key";

    final MetaStore meta;
    final S3Server server;
    final int port;

    GatewayFixture(Path dir) throws Exception {
        meta = MetaStore.open(TestPorts.metaConfig(dir.resolve("meta")));
        VolumeRegistry volumes = new VolumeRegistry();
        volumes.add(new LocalVolume("local-1", Tier.NVME, dir.resolve("vol")));
        ObjectStore store = new ObjectStore(meta, volumes, new ReadLeases());
        server = new S3Server(new S3Settings("127.0.0.1", 0, List.of("localhost"), 16), store,
                new Multipart(meta, 5L << 20), id -> ACCESS.equals(id) ? Optional.of(SECRET) : Optional.empty());
        port = server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    S3Client client() {
        return client(SECRET);
    }

    S3Client client(String secret) {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, secret)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .httpClient(ApacheHttpClient.builder().build())
                .build();
    }

    S3Presigner presigner() {
        return S3Presigner.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    /** {@code n} reproducible random bytes: test objects whose content every byte of a check depends on. */
    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }


    @Override
    public void close() {
        server.close();
        meta.close();
    }
}
