package io.strata.server;

import io.strata.server.admin.AdminServer;
import io.strata.server.admin.ServerInfo;
import java.time.Instant;
import io.strata.tiering.control.TieringControl;
import io.strata.tiering.mover.Mover;
import io.strata.tiering.mover.MoverSettings;
import io.strata.tiering.placement.PlacementService;
import io.strata.tiering.policy.PolicyBook;
import io.strata.tiering.volume.VolumeManager;
import io.strata.tiering.volume.VolumeOpener;
import io.strata.tiering.volume.VolumeSpec;
import java.util.concurrent.CompletableFuture;
import io.strata.meta.MetaConfig;
import io.strata.meta.MetaStore;
import io.strata.s3.http.S3Server;
import io.strata.s3.http.S3Settings;
import io.strata.s3.signature.CredentialLookup;
import io.strata.server.metrics.StrataMetrics;
import io.strata.tiering.data.ReadLeases;
import io.strata.nfs.namespace.StrataFileSystem;
import io.strata.nfs.server.NfsServer;
import io.strata.nfs.server.NfsSettings;
import io.strata.tiering.data.Reclaimer;
import io.strata.tiering.files.FileStore;
import io.strata.tiering.store.Multipart;
import io.strata.tiering.store.ObjectStore;
import io.strata.tiering.volume.LocalVolume;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.VolumeRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Strata node in this process: the metadata store (embedded Ignite under {@code <data>/meta}), one local
 * volume ({@code <data>/volumes/local-1}), the reclaimer, the object store and the S3 API. {@link #start()}
 * brings them up in that order, {@link #close()} stops them in reverse: the S3 API stops accepting and lets
 * in-flight requests finish before the metadata store closes.
 */
public final class StrataServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StrataServer.class);

    /** The metadata node's fixed consistent id: a restart finds its data under it. */
    public static final String NODE_NAME = "strata-1";
    public static final String VOLUME_ID = "local-1";
    /** S3's minimum size of every part but the last. */
    public static final long MIN_PART_SIZE = 5L << 20;
    public static final Duration RECLAIM_EVERY = Duration.ofSeconds(2);

    private final StrataConfig config;
    private final Path dataDir;

    private MetaStore meta;
    private Reclaimer reclaimer;
    private S3Server s3;
    private int s3Port = -1;
    private FileStore files;
    private NfsServer nfs;
    private int nfsPort = -1;
    private boolean closed;
    private StrataMetrics metrics;
    private VolumeManager volumeManager;
    private AdminServer admin;
    private int adminPort = -1;
    private final Instant startedAt = Instant.now();
    private Mover mover;
    private TieringControl tiering;

    public StrataServer(StrataConfig config) {
        this.config = config;
        this.dataDir = config.dataDir().toAbsolutePath().normalize();
    }

    /**
     * Starts every part; on failure stops what had started and throws. A {@link StartupException} carries a
     * one-line reason meant for the user (a port in use, a data directory that cannot be written).
     */
    public synchronized void start() throws StartupException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (s3 != null) {
            throw new IllegalStateException("started already");
        }
        checkPortsFree();
        try {
            metrics = new StrataMetrics();
            Path metaDir = dataDir.resolve("meta");
            Path volumeDir = dataDir.resolve("volumes").resolve(VOLUME_ID);
            try {
                Files.createDirectories(metaDir);
                Files.createDirectories(volumeDir);
            } catch (IOException e) {
                throw new StartupException("cannot create the data directory " + dataDir + ": " + e, e);
            }
            VolumeRegistry volumes = new VolumeRegistry();
            volumes.add(new LocalVolume(VOLUME_ID, Tier.NVME, volumeDir));

            meta = MetaStore.open(new MetaConfig(metaDir, NODE_NAME, config.igniteDiscoveryPort(),
                    config.igniteCommunicationPort(), config.walFsync(), config.walSegmentBytes(),
                    config.walSegments(), config.metaMemoryBytes()), metrics.registry());

            volumeManager = new VolumeManager(meta.settings(), volumes, new VolumeOpener(), meta.walk(), meta.ledger(),
                    new VolumeSpec(VOLUME_ID, Tier.NVME, volumeDir.toString(), null), metrics.registry());
            volumeManager.openStored(); // before the reclaimer: it deletes released blobs on every volume

            ReadLeases leases = new ReadLeases();
            reclaimer = new Reclaimer(meta.ledger(), volumes, leases, config.reclaimGrace());
            reclaimer.start(RECLAIM_EVERY);

            ObjectStore store = new ObjectStore(meta, volumes, leases, config.inlineMaxBytes());
            Multipart multipart = new Multipart(meta, MIN_PART_SIZE);
            PolicyBook policies = new PolicyBook(meta.settings(), volumes);
            mover = new Mover(meta, store, volumes, policies, new MoverSettings(config.moverInterval(),
                    config.moverBandwidth(), config.moverConcurrency(), MoverSettings.DEFAULTS.firstRetry(),
                    MoverSettings.DEFAULTS.maxRetryDelay(), MoverSettings.DEFAULTS.maxAttempts()), metrics.registry());
            Mover startedMover = mover;
            volumeManager.onDrain(() -> CompletableFuture.runAsync(startedMover::applyNow));
            tiering = new TieringControl(volumeManager, policies, mover,
                    new PlacementService(meta, volumes, policies, store.access()));
            s3 = new S3Server(new S3Settings(config.bindAddress(), config.s3Port(), config.virtualHostDomains(),
                    config.workerThreads()), store, multipart, credentials(), metrics.registry());
            try {
                s3Port = s3.start();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (causedBy(e, BindException.class)) {
                    throw new StartupException(portInUse("S3", config.bindAddress(), config.s3Port(),
                            ConfigKeys.S3_PORT), e);
                }
                throw e;
            }
            files = new FileStore(store, volumes, leases);
            nfs = new NfsServer(new StrataFileSystem(files), new NfsSettings(config.bindAddress(), config.nfsPort(),
                    config.nfsPortmap(), config.nfsRootSquash(), config.nfsAnonUid(), config.nfsAnonGid(),
                    HandleKeyFile.loadOrCreate(dataDir)), metrics.registry());
            try {
                nfs.start();
                nfsPort = nfs.port();
            } catch (IOException e) {
                if (causedBy(e, BindException.class)) {
                    throw new StartupException(portInUse("NFS", config.bindAddress(), config.nfsPort(),
                            ConfigKeys.NFS_PORT), e);
                }
                throw e;
            }
            admin = new AdminServer(config.bindAddress(), config.adminPort(), config.rootUser(),
                    config.rootPassword(), tiering, this::scrapeMetrics, this::info);
            try {
                admin.start();
                adminPort = admin.port();
            } catch (IOException e) {
                if (causedBy(e, BindException.class)) {
                    throw new StartupException(portInUse("admin API", config.bindAddress(), config.adminPort(),
                            ConfigKeys.ADMIN_PORT), e);
                }
                throw e;
            }
            mover.start();
            LOG.info("Strata up: S3 API on {}:{}, NFS (v3, v4.1, v4.2) on {}:{}, admin API on {}:{}, data in {}",
                    config.bindAddress(), s3Port, config.bindAddress(), nfsPort, config.bindAddress(), adminPort,
                    dataDir);
        } catch (StartupException | InterruptedException | RuntimeException e) {
            stopAll();
            throw e;
        } catch (Exception e) {
            // Netty may rethrow checked exceptions undeclared.
            stopAll();
            throw new StartupException("could not start: " + e, e);
        }
    }

    /** The port NFS and MOUNT listen on (the real one when the configured port was 0). */
    public synchronized int nfsPort() {
        if (nfsPort < 0) {
            throw new IllegalStateException("not started");
        }
        return nfsPort;
    }

    /** The port of the admin REST API and /metrics (the real one when the configured port was 0). */
    public synchronized int adminPort() {
        if (adminPort < 0) {
            throw new IllegalStateException("not started");
        }
        return adminPort;
    }

    private ServerInfo info() {
        return new ServerInfo(Launcher.version(), NODE_NAME, dataDir.toString(), s3Port, nfsPort, adminPort,
                startedAt);
    }

    /** Prometheus text of every meter, for /metrics. */
    private String scrapeMetrics() {
        StrataMetrics m = metrics;
        return m == null ? "" : m.scrape();
    }

    /** The port the S3 API listens on (the real one when the configured port was 0). */
    public synchronized int s3Port() {
        if (s3Port < 0) {
            throw new IllegalStateException("not started");
        }
        return s3Port;
    }

    /** Volumes, policies, moves and placement, as the admin API drives them. */
    public synchronized TieringControl tiering() {
        if (tiering == null) {
            throw new IllegalStateException("not started");
        }
        return tiering;
    }

    /** The node's meters (S3, NFS, metadata transactions, JVM); what /metrics serves. */
    public synchronized StrataMetrics metrics() {
        if (metrics == null) {
            throw new IllegalStateException("not started");
        }
        return metrics;
    }

    public StrataConfig config() {
        return config;
    }

    /** The data directory, absolute. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the S3 API (in-flight requests finish), the reclaimer, then the metadata store. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll();
    }

    private void stopAll() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (mover != null) {
            mover.close(); // an interrupted copy is reclaimed; the file stays where it was
            mover = null;
        }
        if (nfs != null) {
            try {
                nfs.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("stopping the NFS server failed", e);
            }
            nfs = null;
        }
        if (files != null) {
            files.close(); // publishes writes that clients sent but did not commit yet
            files = null;
        }
        if (s3 != null) {
            try {
                s3.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping the S3 API failed", e);
            }
            s3 = null;
        }
        if (reclaimer != null) {
            reclaimer.close();
            reclaimer = null;
        }
        if (meta != null) {
            try {
                meta.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the metadata store failed", e);
            }
            meta = null;
        }
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
    }

    private CredentialLookup credentials() {
        String user = config.rootUser();
        String secret = config.rootPassword();
        return accessKeyId -> user.equals(accessKeyId) ? Optional.of(secret) : Optional.empty();
    }

    /** Fails early, with a clear line, on a port another process holds (before Ignite spends seconds starting). */
    private void checkPortsFree() throws StartupException {
        if (config.s3Port() != 0) {
            checkFree("S3", config.bindAddress(), config.s3Port(), ConfigKeys.S3_PORT);
        }
        if (config.adminPort() != 0) {
            checkFree("admin API", config.bindAddress(), config.adminPort(), ConfigKeys.ADMIN_PORT);
        }
        if (config.nfsPort() != 0) {
            checkFree("NFS", config.bindAddress(), config.nfsPort(), ConfigKeys.NFS_PORT);
        }
        checkFree("metadata discovery", "127.0.0.1", config.igniteDiscoveryPort(), ConfigKeys.IGNITE_DISCOVERY_PORT);
        checkFree("metadata communication", "127.0.0.1", config.igniteCommunicationPort(),
                ConfigKeys.IGNITE_COMMUNICATION_PORT);
    }

    private static void checkFree(String what, String address, int port, ConfigKey key) throws StartupException {
        InetAddress inet;
        try {
            inet = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new StartupException("cannot listen on " + address + ": unknown address (check "
                    + ConfigKeys.BIND_ADDRESS.flag() + ")", e);
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(inet, port));
        } catch (BindException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("in use")) {
                throw new StartupException(portInUse(what, address, port, key), e);
            }
            throw new StartupException("cannot listen on " + address + ":" + port + " for " + what + ": " + msg
                    + " (check " + key.flag() + " and " + ConfigKeys.BIND_ADDRESS.flag() + ")", e);
        } catch (IOException e) {
            throw new StartupException("cannot listen on " + address + ":" + port + " for " + what + ": " + e, e);
        }
    }

    private static String portInUse(String what, String address, int port, ConfigKey key) {
        return what + " port " + port + " on " + address + " is in use by another process: stop it or choose "
                + "another port with " + key.flag() + (key.env() == null ? "" : " (or " + key.env() + ")");
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
