package io.strata.s3.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.strata.s3.metrics.S3Metrics;
import io.strata.s3.metrics.TrafficCounter;
import io.strata.s3.ops.Router;
import io.strata.s3.signature.CredentialLookup;
import io.strata.s3.signature.SigV4Verifier;
import io.strata.tiering.store.Multipart;
import io.strata.tiering.store.ObjectStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The S3 API over HTTP/1.1 on Netty. */
public final class S3Server implements AutoCloseable {
    /** Request line and header section limits; larger requests get RequestHeaderSectionTooLarge. */
    private static final int MAX_INITIAL_LINE = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_CHUNK = 256 * 1024;

    private final S3Settings settings;
    private final Router router;
    private final SigV4Verifier verifier;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup io = new NioEventLoopGroup();
    private final ExecutorService workers;
    private final S3Metrics metrics;
    private final TrafficCounter traffic;
    private Channel serverChannel;

    /** A server that records no metrics (a registry with nowhere to publish). */
    public S3Server(S3Settings settings, ObjectStore store, Multipart multipart, CredentialLookup credentials) {
        this(settings, store, multipart, credentials, new CompositeMeterRegistry());
    }

    /** A server that reports request latency and body bytes to {@code registry}. */
    public S3Server(S3Settings settings, ObjectStore store, Multipart multipart, CredentialLookup credentials,
                    MeterRegistry registry) {
        this.settings = settings;
        this.metrics = new S3Metrics(registry);
        this.traffic = new TrafficCounter(metrics);
        this.router = new Router(store, multipart);
        this.verifier = new SigV4Verifier(credentials, Clock.systemUTC());
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.workerThreads(), r -> {
            Thread t = new Thread(r, "s3-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds and returns the port (useful when the settings ask for port 0). */
    public int start() throws InterruptedException {
        serverChannel = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CHUNK))
                                // next to the codec: every body byte passes here once, file regions included
                                .addLast("traffic", traffic)
                                // streams cloud-resident bytes (StreamedBody); files and memory pass through it
                                .addLast("chunks", new ChunkedWriteHandler())
                                .addLast("s3", new S3ChannelHandler(verifier, router, settings, workers, metrics));
                    }
                })
                .bind(settings.bindAddress(), settings.port()).sync().channel();
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
