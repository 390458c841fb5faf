package io.strata.s3.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedStream;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S3 pipeline's codec and chunked writer around the counter, driven without a socket. */
class TrafficCounterTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(),
            new TrafficCounter(new S3Metrics(registry)), new ChunkedWriteHandler());

    @TempDir
    Path dir;

    @AfterEach
    void drain() {
        channel.finishAndReleaseAll();
    }

    double in() {
        return registry.get("strata.s3.bytes.in").counter().count();
    }

    double out() {
        return registry.get("strata.s3.bytes.out").counter().count();
    }

    void request(String head, String body) {
        channel.writeInbound(Unpooled.copiedBuffer(head + body, StandardCharsets.ISO_8859_1));
        Object m;
        while ((m = channel.readInbound()) != null) {
            ReferenceCountUtil.release(m);
        }
    }

    HttpResponse head(long length) {
        HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
        return r;
    }

    @Test
    void requestBodiesCountTheirBytesAndNotTheHead() {
        request("PUT /b/k HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n", "hello world");
        assertEquals(11, in());
        request("PUT /b/k HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
        assertEquals(16, in(), "chunk framing is the codec's, not the body's");
    }

    @Test
    void aFileSentZeroCopyCountsOnceAndAsAWhole() throws IOException {
        request("GET /b/k HTTP/1.1\r\nHost: x\r\n\r\n", "");
        Path f = dir.resolve("object");
        int size = 3 * 1024 * 1024 + 17;
        Files.write(f, new byte[size]);
        FileRegion region = new DefaultFileRegion(FileChannel.open(f, StandardOpenOption.READ), 0, size);
        channel.write(head(size));
        channel.write(region);
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(size, out());
    }

    @Test
    void inMemoryAndStreamedBodiesCountTheirPayloadOnly() {
        request("GET /b/k HTTP/1.1\r\nHost: x\r\n\r\n", "");
        byte[] xml = "<ListBucketResult/>".getBytes(StandardCharsets.UTF_8);
        channel.write(head(xml.length));
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(xml)));
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(xml.length, out());

        request("GET /b/k HTTP/1.1\r\nHost: x\r\n\r\n", "");
        int size = 100_000;
        channel.write(head(size));
        channel.writeAndFlush(new ChunkedStream(new ByteArrayInputStream(new byte[size]), 8192));
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        assertEquals(xml.length + size, out(), "every chunk once");
    }

    @Test
    void aFailedWriteIsNotCounted() {
        request("GET /b/k HTTP/1.1\r\nHost: x\r\n\r\n", "");
        channel.write(head(10));
        ByteBuf bytes = Unpooled.wrappedBuffer(new byte[10]);
        HttpContent piece = new DefaultHttpContent(bytes);
        channel.close();
        channel.writeAndFlush(piece);
        assertEquals(0, out());
    }
}
