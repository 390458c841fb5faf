package io.strata.tiering.volume.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.CloudSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The writer's checksum check, against a stand-in endpoint that can lie about ETags (no real S3 does on demand),
 * and the headers the client sends, which third-party endpoints are picky about.
 */
class S3BlobWriterTest {
    /** One request as the stand-in saw it. */
    record Seen(String method, String query, String contentMd5, String contentEncoding, String trailer, byte[] body) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile boolean lie;
    private HttpServer server;
    private S3Client s3;
    private UsageCounter usage;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        CloudSpec spec = new CloudSpec("http://127.0.0.1:" + server.getAddress().getPort(), "us-east-1", "b", "",
                "k", "s", true);
        s3 = S3Clients.build(spec);
        usage = new UsageCounter("v", s3, "b", "");
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String query = x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery();
        var h = x.getRequestHeaders();
        seen.add(new Seen(x.getRequestMethod(), query, h.getFirst("Content-MD5"), h.getFirst("Content-Encoding"),
                h.getFirst("x-amz-trailer"), body));
        byte[] reply = new byte[0];
        int status = 200;
        switch (x.getRequestMethod()) {
            case "PUT" -> x.getResponseHeaders().add("ETag", "\"" + (lie ? "0".repeat(32) : md5Hex(body)) + "\"");
            case "POST" -> reply = (query.contains("uploads")
                    ? "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>u1</UploadId>"
                            + "</InitiateMultipartUploadResult>"
                    : "<CompleteMultipartUploadResult><ETag>\"x-2\"</ETag></CompleteMultipartUploadResult>")
                    .getBytes(StandardCharsets.UTF_8);
            case "DELETE" -> status = 204;
            default -> status = 400;
        }
        x.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
        if (reply.length > 0) {
            x.getResponseBody().write(reply);
        }
        x.close();
    }

    static String md5Hex(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private BlobWriter writer() {
        return new S3BlobWriter(s3, "b", "dir/blob", Map.of("a", "1"), new S3Errors("v", "b", "here", "k"), usage);
    }

    @Test
    void singlePutSendsContentMd5WithoutChunkedTrailers() throws IOException {
        BlobWriter w = writer();
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
        w.write(ByteBuffer.wrap(bytes));
        w.commit();

        Seen put = seen.get(0);
        assertEquals("PUT", put.method());
        assertEquals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex(bytes))), put.contentMd5());
        assertNull(put.trailer());
        assertFalse(put.contentEncoding() != null && put.contentEncoding().contains("aws-chunked"));
        assertEquals("hello", new String(put.body(), StandardCharsets.UTF_8));
    }

    @Test
    void wrongEtagOnPutFailsTheCommitAndAbortDeletesTheObject() throws IOException {
        lie = true;
        BlobWriter w = writer();
        w.write(ByteBuffer.wrap(new byte[10]));
        IOException e = assertThrows(IOException.class, w::commit);
        assertTrue(e.getMessage().contains("not the MD5"), e.getMessage());
        w.abort();
        Seen last = seen.get(seen.size() - 1);
        assertEquals("DELETE", last.method());
        assertEquals("", last.query());
    }

    @Test
    void wrongEtagOnAPartFailsTheWriteAndAbortEndsTheUpload() throws IOException {
        lie = true;
        BlobWriter w = writer();
        w.write(ByteBuffer.wrap(new byte[S3BlobWriter.PART_SIZE]));
        IOException e = assertThrows(IOException.class, () -> w.write(ByteBuffer.wrap(new byte[1])));
        assertTrue(e.getMessage().contains("part 1"), e.getMessage());
        Seen part = seen.get(seen.size() - 1);
        assertTrue(part.query().contains("partNumber=1"), part.query());
        assertEquals(S3BlobWriter.PART_SIZE, part.body().length);
        assertEquals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex(part.body()))),
                part.contentMd5());
        w.abort();
        Seen last = seen.get(seen.size() - 1);
        assertEquals("DELETE", last.method());
        assertTrue(last.query().contains("uploadId=u1"), last.query());
    }

    @Test
    void multipartCompletesWithEveryPartChecked() throws IOException {
        BlobWriter w = writer();
        w.write(ByteBuffer.wrap(new byte[S3BlobWriter.PART_SIZE * 2 + 5]));
        w.commit();
        assertEquals(List.of("POST", "PUT", "PUT", "PUT", "POST"), seen.stream().map(Seen::method).toList());
        assertEquals(5, seen.get(3).body().length);
        assertTrue(seen.get(4).query().contains("uploadId=u1"));
    }
}
