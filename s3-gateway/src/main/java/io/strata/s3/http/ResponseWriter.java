package io.strata.s3.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.strata.s3.error.S3Exception;
import io.strata.s3.xml.XmlWriter;
import io.strata.tiering.data.ReadSegment;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Executor;

/** Writes responses: headers every S3 answer carries, XML bodies, and object bytes straight from files. */
final class ResponseWriter {
    private static final byte[] ZEROS = new byte[64 * 1024];

    private ResponseWriter() {
    }

    static ChannelFuture write(ChannelHandlerContext ctx, S3Response r, String requestId, boolean keepAlive,
                               Executor workers) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()));
        head.headers().set(r.headers());
        head.headers().set("x-amz-request-id", requestId);
        head.headers().set("x-amz-id-2", requestId);
        head.headers().set(HttpHeaderNames.SERVER, "Strata");
        head.headers().set(HttpHeaderNames.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        if (r.status() != 204 && r.status() != 304) {
            head.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.contentLength());
        }
        if (!keepAlive) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.write(head);
        if (r.body() != null && r.body().length > 0) {
            ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(r.body())));
        } else if (r.object() != null) {
            for (ReadSegment s : r.object().segments()) {
                if (s instanceof ReadSegment.FileBytes f) {
                    // Netty closes the channel when the region is released.
                    ctx.write(new DefaultFileRegion(f.channel(), f.position(), f.length()));
                } else if (s instanceof ReadSegment.Stream remote) {
                    ctx.write(StreamedBody.start(ctx, remote.in(), remote.length(), workers));
                } else if (s instanceof ReadSegment.Bytes b) {
                    ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(b.data())));
                } else {
                    for (long left = s.length(); left > 0; left -= ZEROS.length) {
                        int n = (int) Math.min(left, ZEROS.length);
                        ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(ZEROS, 0, n)));
                    }
                }
            }
        }
        return ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    static S3Response error(S3Exception e, String resource, String requestId) {
        XmlWriter x = new XmlWriter().plainRoot("Error")
                .element("Code", e.code().code())
                .element("Message", e.getMessage());
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            x.element(d.getKey(), d.getValue());
        }
        x.element("Resource", resource).element("RequestId", requestId);
        if (e.code().httpStatus() == 304) {
            return S3Response.empty(304);
        }
        return S3Response.xml(e.code().httpStatus(), x.toBytes());
    }
}
