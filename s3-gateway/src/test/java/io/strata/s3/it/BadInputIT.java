package io.strata.s3.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Requests that are wrong on purpose: each gets its S3 error code, nothing half-made becomes visible, and the
 * server goes on serving (checked after every test with a real SDK round trip). With {@code Expect: 100-continue}
 * the body is asked for only once the request is authenticated, so a refused upload is never sent.
 */
class BadInputIT {
    static final String BUCKET = "bad-input";
    @TempDir
    static Path dir;
    static GatewayFixture gw;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        gw = new GatewayFixture(dir);
        s3 = gw.client();
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        s3.close();
        gw.close();
    }

    @AfterEach
    void serverStillServes() {
        s3.putObject(r -> r.bucket(BUCKET).key("alive"), RequestBody.fromString("yes"));
        assertEquals("yes", s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("alive")).asUtf8String());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gw.port + path);
    }

    RawHttp.Answer signedSend(String method, String path, Map<String, String> extra, byte[] body) throws Exception {
        Map<String, String> h = RawHttp.with(RawHttp.signedHeaders(method, uri(path), extra),
                "Content-Length", String.valueOf(body.length));
        return RawHttp.send(gw.port, method + " " + path + " HTTP/1.1", h, body);
    }

    @Test
    void malformedXmlIsMalformedXml() throws Exception {
        byte[] body = "<Delete><Object><Key>x</Key></Obj".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = signedSend("POST", "/" + BUCKET + "?delete", Map.of(), body);
        assertEquals(400, a.status());
        assertEquals("MalformedXML", a.errorCode());
    }

    @Test
    void entityExpansionIsRefusedNotExpanded() throws Exception {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + "<Delete><Object><Key>&b;</Key></Object></Delete>";
        RawHttp.Answer a = signedSend("POST", "/" + BUCKET + "?delete", Map.of(), bomb.getBytes(StandardCharsets.UTF_8));
        assertEquals("MalformedXML", a.errorCode());
    }

    @Test
    void wrongSignatureIsRefused() throws Exception {
        Map<String, String> h = RawHttp.signedHeaders("GET", uri("/" + BUCKET + "/alive"), Map.of());
        String auth = h.get("Authorization");
        h = RawHttp.with(h, "Authorization", auth.substring(0, auth.length() - 4) + "0000");
        RawHttp.Answer a = RawHttp.send(gw.port, "GET /" + BUCKET + "/alive HTTP/1.1", h, new byte[0]);
        assertEquals(403, a.status());
        assertEquals("SignatureDoesNotMatch", a.errorCode());
    }

    @Test
    void unsignedRequestIsAccessDenied() throws Exception {
        RawHttp.Answer a = RawHttp.send(gw.port, "GET /" + BUCKET + "/alive HTTP/1.1",
                Map.of("Host", "127.0.0.1:" + gw.port), new byte[0]);
        assertEquals(403, a.status());
        assertEquals("AccessDenied", a.errorCode());
    }

    @Test
    void wrongContentMd5IsBadDigestAndNothingLands() throws Exception {
        byte[] body = "some bytes".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer a = signedSend("PUT", "/" + BUCKET + "/md5", Map.of("Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA=="), body);
        assertEquals("BadDigest", a.errorCode());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(BUCKET).key("md5")));
    }

    @Test
    void truncatedAwsChunkedBodyIsIncompleteAndNothingLands() throws Exception {
        Map<String, String> h = RawHttp.signedStreamingHeaders(uri("/" + BUCKET + "/chunked"), 1024);
        // The HTTP body has the signed length, but its first chunk announces 64 KiB: the framing ends early.
        int signedLength = Integer.parseInt(h.get("Content-Length"));
        byte[] body = new byte[signedLength];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] head = ("10000;chunk-signature=" + "0".repeat(64) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", h.get("x-amz-content-sha256"), "premise: aws-chunked");
        RawHttp.Answer a = RawHttp.send(gw.port, "PUT /" + BUCKET + "/chunked HTTP/1.1", h, body);
        assertEquals("IncompleteBody", a.errorCode(), a.body());
        assertEquals(400, a.status());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(BUCKET).key("chunked")));
    }

    @Test
    void oversizedHeadersAreRefused() throws Exception {
        Map<String, String> h = RawHttp.with(RawHttp.signedHeaders("GET", uri("/" + BUCKET + "/alive"), Map.of()),
                "x-padding", "p".repeat(40_000));
        RawHttp.Answer a = RawHttp.send(gw.port, "GET /" + BUCKET + "/alive HTTP/1.1", h, new byte[0]);
        assertEquals(400, a.status());
        assertEquals("RequestHeaderSectionTooLarge", a.errorCode());
    }

    @Test
    void invalidUtf8KeyIsInvalidObjectName() throws Exception {
        RawHttp.Answer a = signedSend("PUT", "/" + BUCKET + "/bad%FFkey", Map.of(), "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, a.status());
        assertEquals("InvalidObjectName", a.errorCode());
    }

    @Test
    void unknownSubresourceIsNotImplementedNot500() throws Exception {
        RawHttp.Answer a = signedSend("PUT", "/" + BUCKET + "?lifecycle", Map.of(), new byte[0]);
        assertEquals(501, a.status());
        assertEquals("NotImplemented", a.errorCode());
    }

    @Test
    void expectContinueUploadIsAskedForItsBodyOnceAuthenticated() throws Exception {
        byte[] small = GatewayFixture.random(4096, 4096);
        byte[] larger = GatewayFixture.random(3 << 20, 3 << 20);
        try (Socket s = connect()) {
            sendHead(s, "PUT", "/" + BUCKET + "/continue-small", small.length, false);
            assertEquals(100, RawHttp.read(s.getInputStream()).status());
            s.getOutputStream().write(small);
            assertEquals(200, RawHttp.read(s.getInputStream()).status());

            // Same connection, a second upload: the first body was read to its last byte.
            sendHead(s, "PUT", "/" + BUCKET + "/continue-larger", larger.length, false);
            assertEquals(100, RawHttp.read(s.getInputStream()).status());
            s.getOutputStream().write(larger);
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
        }
        assertArrayEquals(small, s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("continue-small")).asByteArray());
        assertArrayEquals(larger, s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("continue-larger")).asByteArray());
    }

    @Test
    void expectContinueRefusalComesBeforeAnyByteIsSent() throws Exception {
        for (int length : new int[] {1000, 8 << 20}) {
            String key = "refused-" + length;
            try (Socket s = connect()) {
                sendHead(s, "PUT", "/" + BUCKET + "/" + key, length, true);
                RawHttp.Answer first = RawHttp.read(s.getInputStream()); // no 100 Continue: the refusal comes first
                assertEquals(403, first.status());
                assertEquals("SignatureDoesNotMatch", first.errorCode());
            }
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(r -> r.bucket(BUCKET).key(key)));
        }
    }

    private static Socket connect() throws Exception {
        Socket s = new Socket("127.0.0.1", gw.port);
        s.setSoTimeout(20_000);
        return s;
    }

    /** Writes a signed PUT head expecting 100-continue; {@code spoil} breaks the signature. */
    private static void sendHead(Socket s, String method, String path, int length, boolean spoil) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + gw.port + path);
        Map<String, String> h = RawHttp.with(RawHttp.signedHeaders(method, uri, Map.of()),
                "Content-Length", String.valueOf(length), "Expect", "100-continue");
        if (spoil) {
            String auth = h.get("Authorization");
            h = RawHttp.with(h, "Authorization", auth.substring(0, auth.length() - 4) + "0000");
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        h.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        OutputStream out = s.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
