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
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code Expect: 100-continue} as a client on a raw socket sees it: the gateway asks for the body only once the
 * request is authenticated and routed, so a refused upload is never sent; an accepted one is stored whole and the
 * kept-alive connection goes on serving.
 */
class ExpectContinueIT {
    static final String BUCKET = "expect";
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

    @Test
    void authenticatedUploadIsAskedForItsBodyAndStored() throws Exception {
        byte[] small = bytes(4096);
        byte[] larger = bytes(3 << 20);
        try (Socket s = connect()) {
            sendHead(s, "PUT", "/" + BUCKET + "/small", small.length, false);
            assertEquals(100, RawHttp.read(s.getInputStream()).status());
            s.getOutputStream().write(small);
            assertEquals(200, RawHttp.read(s.getInputStream()).status());

            // Same connection, a second upload: the first body was read to its last byte.
            sendHead(s, "PUT", "/" + BUCKET + "/larger", larger.length, false);
            assertEquals(100, RawHttp.read(s.getInputStream()).status());
            s.getOutputStream().write(larger);
            assertEquals(200, RawHttp.read(s.getInputStream()).status());
        }
        assertArrayEquals(small, s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("small")).asByteArray());
        assertArrayEquals(larger, s3.getObjectAsBytes(r -> r.bucket(BUCKET).key("larger")).asByteArray());
    }

    @Test
    void refusedUploadGetsItsErrorBeforeAnyByteIsSent() throws Exception {
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

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
