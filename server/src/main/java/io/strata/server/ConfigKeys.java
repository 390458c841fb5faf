package io.strata.server;

import io.strata.server.ConfigKey.Kind;
import java.util.List;
import java.util.Optional;

/** Every setting of the server with its default: the one place they are defined. */
public final class ConfigKeys {
    public static final String DEFAULT_ROOT_USER = "strata";
    /** Documented, so that a first {@code ./strata serve} works out of the box; set STRATA_ROOT_PASSWORD for real use. */
    public static final String DEFAULT_ROOT_PASSWORD = "strata-secret-key";

    public static final ConfigKey DATA_DIR = new ConfigKey("--data-dir", "STRATA_DATA_DIR", "./strata-data",
            Kind.PATH, "where metadata (meta/) and object bytes (volumes/) are kept");
    public static final ConfigKey BIND_ADDRESS = new ConfigKey("--bind", "STRATA_BIND", "0.0.0.0",
            Kind.ADDRESS, "address the S3 API listens on (0.0.0.0: all interfaces)");
    public static final ConfigKey S3_PORT = new ConfigKey("--s3-port", "STRATA_S3_PORT", "9000",
            Kind.PORT, "S3 API port (0: any free port)");
    public static final ConfigKey NFS_PORT = new ConfigKey("--nfs-port", "STRATA_NFS_PORT", "2049",
            Kind.PORT, "NFSv3, MOUNT and NFSv4.1/4.2 port (TCP; 0: any free port)");
    public static final ConfigKey ADMIN_PORT = new ConfigKey("--admin-port", "STRATA_ADMIN_PORT", "9001",
            Kind.PORT, "admin REST API (/api/v1, HTTP Basic with the root credentials) and Prometheus /metrics");
    public static final ConfigKey DOMAINS = new ConfigKey("--domains", "STRATA_DOMAINS", "localhost",
            Kind.LIST, "virtual-host domains: <bucket>.<domain> addresses a bucket (empty: path-style only)");
    public static final ConfigKey ROOT_USER = new ConfigKey("--root-user", "STRATA_ROOT_USER", DEFAULT_ROOT_USER,
            Kind.TEXT, "access key id of the root user");
    public static final ConfigKey ROOT_PASSWORD = new ConfigKey("--root-password", "STRATA_ROOT_PASSWORD",
            DEFAULT_ROOT_PASSWORD, Kind.SECRET,
            "secret key of the root user (prefer the env var: flags are visible in ps)");
    public static final ConfigKey WAL_FSYNC = new ConfigKey("--wal-fsync", "STRATA_WAL_FSYNC", "false",
            Kind.SWITCH, "metadata WAL in FSYNC mode (survives power loss); off: LOG_ONLY (survives kill -9)");
    public static final ConfigKey IGNITE_DISCOVERY_PORT = new ConfigKey("--ignite-discovery-port",
            "STRATA_IGNITE_DISCOVERY_PORT", "47500", Kind.PORT, "loopback port of the metadata node's discovery");
    public static final ConfigKey IGNITE_COMMUNICATION_PORT = new ConfigKey("--ignite-communication-port",
            "STRATA_IGNITE_COMMUNICATION_PORT", "47100", Kind.PORT,
            "loopback port of the metadata node's communication");
    public static final ConfigKey WAL_SEGMENT_SIZE = new ConfigKey("--wal-segment-size", "STRATA_WAL_SEGMENT_SIZE",
            "64MiB", Kind.SIZE, "size of one metadata WAL segment");
    public static final ConfigKey WAL_SEGMENTS = new ConfigKey("--wal-segments", "STRATA_WAL_SEGMENTS", "4",
            Kind.COUNT, "number of metadata WAL segments (disk used: size x count)");
    public static final ConfigKey META_MEMORY = new ConfigKey("--meta-memory", "STRATA_META_MEMORY", "512MiB",
            Kind.SIZE, "off-heap memory for the metadata pages");
    public static final ConfigKey WORKER_THREADS = new ConfigKey("--worker-threads", "STRATA_WORKER_THREADS", "64",
            Kind.COUNT, "threads serving S3 requests");
    public static final ConfigKey RECLAIM_GRACE = new ConfigKey("--reclaim-grace", "STRATA_RECLAIM_GRACE", "10s",
            Kind.DURATION, "how long a replaced or deleted data file is kept before its space is reclaimed");

    public static final ConfigKey INLINE_MAX = new ConfigKey("--inline-max", "STRATA_INLINE_MAX", "64KiB",
            Kind.SIZE, "objects up to this size are kept in the metadata store, not in a data file (0: never)");

    public static final ConfigKey NFS_PORTMAP = new ConfigKey("--nfs-portmap", "STRATA_NFS_PORTMAP", "true",
            Kind.SWITCH, "also answer portmapper (rpcbind v2) queries on port 111 when that port is free");
    public static final ConfigKey NFS_ROOT_SQUASH = new ConfigKey("--nfs-root-squash", "STRATA_NFS_ROOT_SQUASH",
            "false", Kind.SWITCH, "map NFS requests from uid 0 to the anonymous uid/gid");
    public static final ConfigKey NFS_ANON_UID = new ConfigKey("--nfs-anon-uid", "STRATA_NFS_ANON_UID", "65534",
            Kind.COUNT, "uid for AUTH_NONE and squashed root requests");
    public static final ConfigKey NFS_ANON_GID = new ConfigKey("--nfs-anon-gid", "STRATA_NFS_ANON_GID", "65534",
            Kind.COUNT, "gid for AUTH_NONE and squashed root requests");

    public static final ConfigKey MOVER_INTERVAL = new ConfigKey("--mover-interval", "STRATA_MOVER_INTERVAL", "10m",
            Kind.DURATION, "how often the placement policy is evaluated and files moved (0: only on apply)");
    public static final ConfigKey MOVER_BANDWIDTH = new ConfigKey("--mover-bandwidth", "STRATA_MOVER_BANDWIDTH", "0",
            Kind.SIZE, "bytes per second all moves together may copy (0: unlimited)");
    public static final ConfigKey MOVER_CONCURRENCY = new ConfigKey("--mover-concurrency",
            "STRATA_MOVER_CONCURRENCY", "2", Kind.COUNT, "files moved at once");

    /** In the order {@code --help} and the README show them. */
    public static final List<ConfigKey> ALL = List.of(DATA_DIR, BIND_ADDRESS, S3_PORT, NFS_PORT, ADMIN_PORT,
            DOMAINS, ROOT_USER, ROOT_PASSWORD, WAL_FSYNC, IGNITE_DISCOVERY_PORT, IGNITE_COMMUNICATION_PORT,
            WAL_SEGMENT_SIZE, WAL_SEGMENTS, META_MEMORY, WORKER_THREADS, RECLAIM_GRACE, INLINE_MAX,
            NFS_PORTMAP, NFS_ROOT_SQUASH, NFS_ANON_UID, NFS_ANON_GID, MOVER_INTERVAL, MOVER_BANDWIDTH,
            MOVER_CONCURRENCY);

    private ConfigKeys() {
    }

    /** The key whose flag is {@code flag} (without any {@code =value}). */
    public static Optional<ConfigKey> byFlag(String flag) {
        return ALL.stream().filter(k -> k.flag().equals(flag)).findFirst();
    }
}
