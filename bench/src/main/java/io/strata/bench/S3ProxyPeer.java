package io.strata.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** s3proxy with its filesystem backend, the peer every S3 figure is compared with. */
final class S3ProxyPeer implements AutoCloseable {
    private static final String ACCESS = "peer";
    private static final String SECRET = "peer-secret-key";

    private final S3Proxy proxy;
    private final int port;

    S3ProxyPeer(Path dir, int port) throws Exception {
        this.port = port;
        Files.createDirectories(dir);
        Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", dir.toString());
        proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", p))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(50);
        }
    }

    Endpoint endpoint() {
        return new Endpoint("s3proxy", URI.create("http://127.0.0.1:" + port), ACCESS, SECRET);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
