package io.strata.s3.metrics;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpContent;

/**
 * Counts HTTP body bytes where every one of them passes exactly once: between the HTTP codec and the handlers
 * that write responses. Inbound it sees decoded body pieces; outbound it sees body pieces, file regions (sent
 * zero-copy, so nothing after the codec would see their bytes) and streamed chunks, before the codec adds any
 * framing. Outbound bytes count when their write completes, so a client that hangs up mid-download is charged
 * for what it got (to the granularity of one write), not for the whole object.
 */
@ChannelHandler.Sharable
public final class TrafficCounter extends ChannelDuplexHandler {
    private final S3Metrics metrics;

    public TrafficCounter(S3Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpContent c) {
            int n = c.content().readableBytes();
            if (n > 0) {
                metrics.bytesIn(n);
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        long n = bodyBytes(msg);
        if (n <= 0) {
            ctx.write(msg, promise);
            return;
        }
        ChannelPromise p = promise.unvoid();
        p.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                metrics.bytesOut(n);
            }
        });
        ctx.write(msg, p);
    }

    /** Body bytes in an outbound message; a response head counts nothing. */
    static long bodyBytes(Object msg) {
        if (msg instanceof FileRegion r) {
            return r.count();
        }
        if (msg instanceof ByteBuf b) {
            return b.readableBytes();
        }
        if (msg instanceof ByteBufHolder h) {
            return h.content().readableBytes();
        }
        return 0;
    }
}
