package io.strata.s3.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How requests reach the gateway. Virtual-hosted style: the bucket comes from the Host header
 * ({@code <bucket>.localhost}); requests go to 127.0.0.1 with that Host, since *.localhost does not resolve
 * everywhere. Pipelining: requests sent back to back on one connection are answered in order.
 */
class AddressingIT {
    @TempDir
    static Path dir;
    static GatewayFixture gw;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        gw = new GatewayFixture(dir);
        s3 = gw.client();
        s3.createBucket(r -> r.bucket("vhost"));
        s3.putObject(r -> r.bucket("vhost").key("dir/file.txt"), RequestBody.fromString("virtual"));
    }

    @AfterAll
    static void stop() {
        s3.close();
        gw.close();
    }

    @Test
    void hostNamesTheBucket() throws Exception {
        String host = "vhost.localhost:" + gw.port;
        Map<String, String> h = RawHttp.signedHeaders("GET", URI.create("http://" + host + "/dir/file.txt"), Map.of());
        assertEquals(host, h.get("Host"), "premise: the signer signed the virtual host");
        RawHttp.Answer a = RawHttp.send(gw.port, "GET /dir/file.txt HTTP/1.1", h, new byte[0]);
        assertEquals(200, a.status());
        assertEquals("virtual", a.body());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        String host = "127.0.0.1:" + gw.port;
        StringBuilder both = new StringBuilder();
        for (String key : new String[] {"dir/file.txt", "missing"}) {
            Map<String, String> h = RawHttp.signedHeaders("GET", URI.create("http://" + host + "/vhost/" + key), Map.of());
            both.append("GET /vhost/").append(key).append(" HTTP/1.1\r\n");
            h.forEach((k, v) -> both.append(k).append(": ").append(v).append("\r\n"));
            both.append("\r\n");
        }
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", gw.port)) {
            s.setSoTimeout(20_000);
            // Both requests leave in one write, so the server reads them together.
            s.getOutputStream().write(both.toString().getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Answer first = RawHttp.read(s.getInputStream());
            RawHttp.Answer second = RawHttp.read(s.getInputStream());
            assertEquals(200, first.status());
            assertEquals("virtual", first.body());
            assertEquals(404, second.status());
            assertEquals("NoSuchKey", second.errorCode());
        }
    }

    @Test
    void bucketLevelRequestsWorkOnTheVirtualHost() throws Exception {
        String host = "vhost.localhost:" + gw.port;
        Map<String, String> h = RawHttp.signedHeaders("GET", URI.create("http://" + host + "/?list-type=2&prefix=dir%2F"), Map.of());
        RawHttp.Answer a = RawHttp.send(gw.port, "GET /?list-type=2&prefix=dir%2F HTTP/1.1", h, new byte[0]);
        assertEquals(200, a.status());
        assertEquals(true, a.body().contains("<Key>dir/file.txt</Key>"), a.body());
        assertEquals(true, new String(a.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains("<Name>vhost</Name>"));
    }
}
