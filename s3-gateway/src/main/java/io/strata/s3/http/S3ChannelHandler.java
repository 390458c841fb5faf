package io.strata.s3.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.strata.s3.error.ErrorTranslator;
import io.strata.s3.error.S3ErrorCode;
import io.strata.s3.error.S3Exception;
import io.strata.s3.metrics.S3Metrics;
import io.strata.s3.ops.BodyTarget;
import io.strata.s3.ops.Operation;
import io.strata.s3.ops.Route;
import io.strata.s3.ops.Router;
import io.strata.s3.signature.Authentication;
import io.strata.s3.signature.SigV4Verifier;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests, one at a time. The event loop authenticates and routes each request; a worker begins
 * it (unless its operation needs no I/O to begin) and finishes it (unless its end is only a transaction, which is
 * submitted without waiting and answers from the thread that commits it). The channel reads only when asked (autoRead
 * off): while a worker begins or finishes a request, no more bytes are read, so a slow disk slows the client instead
 * of filling memory. Body bytes stream from the event loop into the operation's target.
 */
final class S3ChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(S3ChannelHandler.class);
    /** One line per request at DEBUG: method, path, status, server-side milliseconds. */
    private static final Logger ACCESS = LoggerFactory.getLogger("io.strata.s3.access");

    private enum State { IDLE, STARTING, BODY, FINISHING, DONE }

    private final SigV4Verifier verifier;
    private final Router router;
    private final S3Settings settings;
    private final ExecutorService workers;
    private final S3Metrics metrics;

    private State state = State.IDLE;
    private final Queue<HttpContent> early = new ArrayDeque<>();
    /** Messages of requests a client pipelined behind the current one, replayed in order once it is answered. */
    private final Queue<Object> pipelined = new ArrayDeque<>();
    private HttpRequest request;
    private long requestStartNanos;
    private long bodyStartNanos;
    private long bodyEndNanos;
    private long finishedNanos;
    private String requestId;
    /** The routed operation's name, for metrics; written by the worker that routes, before it hands back. */
    private String operation;
    private boolean keepAlive;
    private BodyTarget target;
    private RequestBody body;

    S3ChannelHandler(SigV4Verifier verifier, Router router, S3Settings settings, ExecutorService workers,
                     S3Metrics metrics) {
        this.verifier = verifier;
        this.router = router;
        this.settings = settings;
        this.workers = workers;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!pipelined.isEmpty() || (msg instanceof HttpRequest && state != State.IDLE)) {
            pipelined.add(msg);
            return;
        }
        dispatch(ctx, msg);
    }

    private void onRequest(ChannelHandlerContext ctx, HttpRequest req) {
        request = req;
        requestStartNanos = System.nanoTime();
        bodyStartNanos = 0;
        bodyEndNanos = 0;
        finishedNanos = 0;
        requestId = Long.toHexString(ThreadLocalRandom.current().nextLong()).toUpperCase();
        operation = S3Metrics.UNKNOWN_OPERATION;
        keepAlive = HttpUtil.isKeepAlive(req);
        if (req.decoderResult().isFailure()) {
            Throwable cause = req.decoderResult().cause();
            S3ErrorCode code = cause instanceof TooLongFrameException
                    ? S3ErrorCode.REQUEST_HEADER_SECTION_TOO_LARGE : S3ErrorCode.INVALID_REQUEST;
            fail(ctx, new S3Exception(code, code.defaultMessage()), true);
            return;
        }
        state = State.STARTING;
        boolean hasBody = HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
        Accepted accepted;
        try {
            accepted = accept(req);
        } catch (Throwable e) {
            fail(ctx, e, hasBody);
            return;
        }
        operation = accepted.route().name();
        Operation op = accepted.route().operation();
        if (hasBody && op.beginsWithoutBlocking(accepted.request())) {
            // A small PUT: nothing to open or look up before its body, so it starts here. The two trips between
            // this event loop and a worker it saves (there to begin, back to read the body) were about a tenth of
            // its server CPU (0.57-0.58 ms per 4 KiB PUT against 0.61-0.69).
            try {
                continueIfExpected(ctx, req);
                started(ctx, op.begin(accepted.request()), accepted.body());
            } catch (Throwable e) {
                fail(ctx, e, true);
            }
            return;
        }
        workers.execute(() -> {
            try {
                continueIfExpected(ctx, req);
                BodyTarget bt = op.begin(accepted.request());
                if (!hasBody) {
                    // Nothing to wait for: answer from this worker instead of a second trip through the event loop.
                    S3Response response = bt.finish(accepted.body().finish());
                    ctx.executor().execute(() -> {
                        early.forEach(HttpContent::release);
                        early.clear();
                        respond(ctx, response);
                    });
                    return;
                }
                ctx.executor().execute(() -> started(ctx, bt, accepted.body()));
            } catch (Throwable e) {
                ctx.executor().execute(() -> fail(ctx, e, hasBody));
            }
        });
    }

    /** An authenticated request, its route, and the decoder its body will need. */
    private record Accepted(S3Request request, Route route, RequestBody body) {
    }

    /**
     * Authenticates and routes a request on the event loop: both work from the request's head and from memory (the
     * credentials are in memory, see {@link io.strata.s3.signature.CredentialLookup}), and take microseconds.
     */
    private Accepted accept(HttpRequest req) throws Exception {
        Authentication auth = verifier.verify(new NettyRequestView(req));
        RequestTarget t = RequestTarget.parse(req.uri(), req.headers().get("Host"), settings.virtualHostDomains());
        S3Request s3 = new S3Request(requestId, req.method().name(), t.bucket(), t.key(), t.query(), req.headers(),
                auth);
        return new Accepted(s3, router.route(s3), new RequestBody(auth, req.headers()));
    }

    /** Authenticated and routed: a client that waits for it may send the body while the operation gets ready. */
    private static void continueIfExpected(ChannelHandlerContext ctx, HttpRequest req) {
        if (HttpUtil.is100ContinueExpected(req)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    private void started(ChannelHandlerContext ctx, BodyTarget bt, RequestBody b) {
        if (state != State.STARTING) {
            bt.abort();
            return;
        }
        target = bt;
        body = b;
        state = State.BODY;
        bodyStartNanos = System.nanoTime();
        boolean sawLast = false;
        while (!early.isEmpty() && state == State.BODY) {
            HttpContent c = early.poll();
            sawLast |= c instanceof LastHttpContent;
            consume(ctx, c);
        }
        if (!sawLast && state == State.BODY) {
            ctx.read();
        }
    }

    private void consume(ChannelHandlerContext ctx, HttpContent content) {
        try {
            body.feed(content.content(), target::accept);
        } catch (Throwable e) {
            content.release();
            fail(ctx, e, true);
            return;
        }
        boolean last = content instanceof LastHttpContent;
        content.release();
        if (!last) {
            if (early.isEmpty()) {
                ctx.read();
            }
            return;
        }
        state = State.FINISHING;
        bodyEndNanos = System.nanoTime();
        BodyTarget t = target;
        RequestBody b = body;
        if (t.finishesWithoutBlocking()) {
            finishLater(ctx, t, b);
            return;
        }
        workers.execute(() -> {
            try {
                S3Response response = t.finish(b.finish());
                finishedNanos = System.nanoTime();
                ctx.executor().execute(() -> respond(ctx, response));
            } catch (Throwable e) {
                ctx.executor().execute(() -> fail(ctx, e, false));
            }
        });
    }

    /**
     * Finishes on the event loop a request whose end needs only a transaction, and answers when it commits: a
     * small PUT then needs no worker, and no thread waits for its batch (a park and a wake-up per request).
     */
    private void finishLater(ChannelHandlerContext ctx, BodyTarget t, RequestBody b) {
        CompletionStage<S3Response> answer;
        try {
            answer = t.finishLater(b.finish());
        } catch (Throwable e) {
            fail(ctx, e, false);
            return;
        }
        answer.whenComplete((response, failure) -> {
            finishedNanos = System.nanoTime();
            if (failure == null) {
                ctx.executor().execute(() -> respond(ctx, response));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                ctx.executor().execute(() -> fail(ctx, cause, false));
            }
        });
    }

    private void respond(ChannelHandlerContext ctx, S3Response response) {
        state = State.DONE;
        boolean again = keepAlive;
        String op = operation;
        ResponseWriter.write(ctx, response, requestId, again, workers).addListener((ChannelFutureListener) f -> {
            long end = System.nanoTime();
            metrics.request(op, response.status(), end - requestStartNanos);
            if (ACCESS.isDebugEnabled()) {
                ACCESS.debug("{} {} {} {} ms (ready {} body {} finish {} send {})", request.method(), request.uri(),
                        response.status(), ms(end - requestStartNanos), ms(bodyStartNanos - requestStartNanos),
                        ms(bodyEndNanos - bodyStartNanos), ms(finishedNanos - bodyEndNanos), ms(end - finishedNanos));
            }
            if (response.object() != null) {
                response.object().close();
            }
            if (!f.isSuccess() || !again) {
                ctx.close();
                return;
            }
            state = State.IDLE;
            if (pipelined.isEmpty()) {
                ctx.read();
                return;
            }
            while (!pipelined.isEmpty() && (state == State.IDLE || !(pipelined.peek() instanceof HttpRequest))) {
                dispatch(ctx, pipelined.poll());
            }
        });
    }

    /** Handles one message of the current request: its head, or a piece of its body. */
    private void dispatch(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest req) {
            onRequest(ctx, req);
        }
        if (msg instanceof HttpContent content) {
            switch (state) {
                case STARTING -> early.add(content);
                case BODY -> consume(ctx, content);
                default -> content.release();
            }
        }
    }

    /** Answers with an S3 error; {@code close} when the rest of the request body was not read. */
    private void fail(ChannelHandlerContext ctx, Throwable e, boolean close) {
        if (target != null) {
            target.abort();
            target = null;
        }
        early.forEach(HttpContent::release);
        early.clear();
        if (state == State.DONE || !ctx.channel().isActive()) {
            return;
        }
        S3Exception s3 = ErrorTranslator.translate(unwrap(e));
        if (s3 == null) {
            LOG.error("request {} {} failed", request.method(), request.uri(), e);
            s3 = new S3Exception(S3ErrorCode.INTERNAL_ERROR);
        }
        if (close) {
            keepAlive = false;
        }
        S3Response error = ResponseWriter.error(s3, pathOf(request.uri()), requestId);
        respond(ctx, HttpMethod.HEAD.equals(request.method()) ? S3Response.empty(error.status()) : error);
    }

    private static String ms(long nanos) {
        return nanos < 0 || nanos > 3_600_000_000_000L ? "-" : String.format("%.2f", nanos / 1e6);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof S3Exception) && ErrorTranslator.translate(t) == null) {
            t = t.getCause();
        }
        return ErrorTranslator.translate(t) != null ? t : e;
    }

    private static String pathOf(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (target != null && state != State.DONE && state != State.FINISHING) {
            target.abort();
        }
        early.forEach(HttpContent::release);
        early.clear();
        pipelined.forEach(ReferenceCountUtil::release);
        pipelined.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection error", cause);
        ctx.close();
    }
}
