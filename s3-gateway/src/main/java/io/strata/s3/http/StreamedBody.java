package io.strata.s3.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import io.netty.handler.stream.ChunkedWriteHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Bytes of a cloud-resident object sent as they arrive from the cloud. A worker thread reads the stream into a
 * small bounded queue; the event loop takes chunks from it and never blocks on the network. When the queue is
 * empty the chunked writer pauses and the worker resumes it; when it is full the worker waits, so a slow client
 * holds at most {@link #QUEUED} chunks in memory.
 */
final class StreamedBody implements ChunkedInput<ByteBuf> {
    private static final int CHUNK = 256 * 1024;
    private static final int QUEUED = 4;
    private static final ByteBuf END = Unpooled.EMPTY_BUFFER;

    private final InputStream in;
    private final long length;
    private final BlockingQueue<ByteBuf> ready = new ArrayBlockingQueue<>(QUEUED + 1);
    private volatile IOException failure;
    private volatile boolean closed;
    private boolean ended;
    private long sent;

    private StreamedBody(InputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    /** Starts reading {@code length} bytes of {@code in} on {@code workers}. */
    static StreamedBody start(ChannelHandlerContext ctx, InputStream in, long length, Executor workers) {
        StreamedBody body = new StreamedBody(in, length);
        ChunkedWriteHandler writer = ctx.pipeline().get(ChunkedWriteHandler.class);
        workers.execute(() -> body.pump(writer));
        return body;
    }

    private void pump(ChunkedWriteHandler writer) {
        long left = length;
        try {
            while (left > 0 && !closed) {
                byte[] chunk = new byte[(int) Math.min(CHUNK, left)];
                int filled = 0;
                while (filled < chunk.length) {
                    int n = in.read(chunk, filled, chunk.length - filled);
                    if (n < 0) {
                        throw new IOException("the cloud copy ended " + (left - filled) + " bytes early");
                    }
                    filled += n;
                }
                left -= filled;
                hand(Unpooled.wrappedBuffer(chunk), writer);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new IOException("interrupted");
            Thread.currentThread().interrupt();
        } finally {
            try {
                // The end marker waits for room like any chunk: dropping it would leave the response unfinished.
                hand(END, writer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Queues {@code b} once there is room (or the body was closed), waking the writer meanwhile. */
    private void hand(ByteBuf b, ChunkedWriteHandler writer) throws InterruptedException {
        boolean queued = false;
        while (!closed && !(queued = ready.offer(b, 100, TimeUnit.MILLISECONDS))) {
            writer.resumeTransfer();
        }
        if (!queued) {
            b.release(); // closed before there was room: nobody will take it
        }
        writer.resumeTransfer();
    }

    @Override
    public boolean isEndOfInput() throws IOException {
        if (failure != null) {
            throw failure; // the response is already under way: the connection is cut, never padded
        }
        return ended;
    }

    @Override
    public void close() {
        closed = true;
        ByteBuf b;
        while ((b = ready.poll()) != null) {
            b.release();
        }
    }

    @Override
    @Deprecated
    public ByteBuf readChunk(ChannelHandlerContext ctx) throws IOException {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) throws IOException {
        if (failure != null) {
            throw failure;
        }
        ByteBuf b = ready.poll();
        if (b == null) {
            return null; // nothing arrived yet: the worker resumes the transfer when it has a chunk
        }
        if (b == END) {
            if (failure != null) {
                throw failure;
            }
            ended = true;
            return null;
        }
        sent += b.readableBytes();
        return b;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public long progress() {
        return sent;
    }
}
