package io.strata.s3.signature;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.strata.s3.error.S3Exception;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;

/** Feeds a body to an {@link AwsChunkedDecoder} in the pieces a network might deliver, collecting the output. */
final class Feeding {
    final ByteArrayOutputStream decoded = new ByteArrayOutputStream();
    private final AwsChunkedDecoder decoder;

    Feeding(AwsChunkedDecoder decoder) {
        this.decoder = decoder;
    }

    private void sink(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.get(copy);
        decoded.write(copy, 0, copy.length);
    }

    Feeding whole(byte[] body) throws S3Exception {
        return piece(Unpooled.wrappedBuffer(body));
    }

    Feeding oneByteAtATime(byte[] body) throws S3Exception {
        for (byte b : body) {
            piece(Unpooled.wrappedBuffer(new byte[]{b}));
        }
        return this;
    }

    /** Random cuts; every other piece is a composite buffer so data spans several NIO buffers. */
    Feeding randomSplits(byte[] body, long seed) throws S3Exception {
        Random random = new Random(seed);
        int at = 0;
        boolean composite = false;
        while (at < body.length) {
            int n = Math.min(body.length - at, 1 + random.nextInt(random.nextBoolean() ? 16 : 40_000));
            if (composite && n > 1) {
                CompositeByteBuf buffer = Unpooled.compositeBuffer();
                int half = n / 2;
                buffer.addComponent(true, Unpooled.wrappedBuffer(body, at, half));
                buffer.addComponent(true, Unpooled.wrappedBuffer(body, at + half, n - half));
                piece(buffer);
            } else {
                piece(Unpooled.wrappedBuffer(body, at, n));
            }
            composite = !composite;
            at += n;
        }
        return this;
    }

    private Feeding piece(ByteBuf buffer) throws S3Exception {
        decoder.feed(buffer, this::sink);
        if (buffer.isReadable()) {
            throw new AssertionError("feed left " + buffer.readableBytes() + " bytes unread");
        }
        return this;
    }
}
