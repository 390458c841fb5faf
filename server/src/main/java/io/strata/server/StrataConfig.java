package io.strata.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's settings, typed and checked. Built by {@link #parse}: defaults from {@link ConfigKeys}, then
 * environment variables, then command-line flags (which win).
 *
 * @param origins where each key's value came from (for the startup lines: e.g. whether the secret is the default)
 */
public record StrataConfig(Path dataDir, String bindAddress, int s3Port, int nfsPort, int adminPort,
                           List<String> virtualHostDomains, String rootUser, String rootPassword, boolean walFsync,
                           int igniteDiscoveryPort, int igniteCommunicationPort, long walSegmentBytes,
                           int walSegments, long metaMemoryBytes, int workerThreads, Duration reclaimGrace, int inlineMaxBytes,
                           boolean nfsPortmap, boolean nfsRootSquash, int nfsAnonUid, int nfsAnonGid,
                           Duration moverInterval, long moverBandwidth, int moverConcurrency,
                           Map<ConfigKey, Origin> origins) {

    /** Where a value came from. */
    public enum Origin {
        DEFAULT, ENV, FLAG
    }

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

    public StrataConfig {
        virtualHostDomains = List.copyOf(virtualHostDomains);
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /** The configuration with only defaults: what {@code strata serve} with no flags and no env vars uses. */
    public static StrataConfig defaults() {
        try {
            return parse(List.of(), Map.of());
        } catch (ConfigException e) {
            throw new IllegalStateException("a default in ConfigKeys does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the settings from flags ({@code --key value}, {@code --key=value}, or a switch alone) and the
     * environment; a flag wins over its env var.
     */
    public static StrataConfig parse(List<String> args, Map<String, String> env) throws ConfigException {
        Map<ConfigKey, String> raw = new LinkedHashMap<>();
        Map<ConfigKey, Origin> origins = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKeys.ALL) {
            String fromEnv = key.env() == null ? null : env.get(key.env());
            if (fromEnv != null) {
                raw.put(key, fromEnv);
                origins.put(key, Origin.ENV);
            } else {
                raw.put(key, key.defaultValue());
                origins.put(key, Origin.DEFAULT);
            }
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument '" + arg + "' (flags start with --; see serve --help)");
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            ConfigKey key = ConfigKeys.byFlag(flag).orElseThrow(
                    () -> new ConfigException("unknown flag " + flag + " (see serve --help for the list)"));
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (key.kind() == ConfigKey.Kind.SWITCH) {
                value = "true";
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new ConfigException("flag " + flag + " needs a value: " + key.usage());
            }
            raw.put(key, value);
            origins.put(key, Origin.FLAG);
        }
        Reader r = new Reader(raw, origins);
        return new StrataConfig(
                Path.of(r.text(ConfigKeys.DATA_DIR)),
                r.text(ConfigKeys.BIND_ADDRESS),
                r.port(ConfigKeys.S3_PORT, 0),
                r.port(ConfigKeys.NFS_PORT, 0),
                r.port(ConfigKeys.ADMIN_PORT, 0),
                r.domains(ConfigKeys.DOMAINS),
                r.accessKey(ConfigKeys.ROOT_USER),
                r.text(ConfigKeys.ROOT_PASSWORD),
                r.bool(ConfigKeys.WAL_FSYNC),
                r.port(ConfigKeys.IGNITE_DISCOVERY_PORT, 1),
                r.port(ConfigKeys.IGNITE_COMMUNICATION_PORT, 1),
                r.size(ConfigKeys.WAL_SEGMENT_SIZE, 512L << 10, 1L << 30),
                (int) r.count(ConfigKeys.WAL_SEGMENTS, 2, 1000),
                r.size(ConfigKeys.META_MEMORY, 64L << 20, 1L << 40),
                (int) r.count(ConfigKeys.WORKER_THREADS, 1, 4096),
                r.duration(ConfigKeys.RECLAIM_GRACE),
                (int) r.size(ConfigKeys.INLINE_MAX, 0, 1L << 20),
                r.bool(ConfigKeys.NFS_PORTMAP),
                r.bool(ConfigKeys.NFS_ROOT_SQUASH),
                (int) r.count(ConfigKeys.NFS_ANON_UID, 0, 0xFFFFFFFEL),
                (int) r.count(ConfigKeys.NFS_ANON_GID, 0, 0xFFFFFFFEL),
                r.duration(ConfigKeys.MOVER_INTERVAL),
                r.size(ConfigKeys.MOVER_BANDWIDTH, 0, 1L << 50),
                (int) r.count(ConfigKeys.MOVER_CONCURRENCY, 1, 64),
                origins);
    }

    public Origin origin(ConfigKey key) {
        return origins.getOrDefault(key, Origin.DEFAULT);
    }

    /** The settings on one line, the secret masked. */
    @Override
    public String toString() {
        return "StrataConfig[data dir " + dataDir + ", bind " + bindAddress + ", s3 port " + s3Port
                + ", domains " + virtualHostDomains + ", root user " + rootUser + ", root password ***, wal "
                + (walFsync ? "FSYNC" : "LOG_ONLY") + " " + walSegments + " x " + human(walSegmentBytes)
                + ", meta memory " + human(metaMemoryBytes) + ", worker threads " + workerThreads
                + ", reclaim grace " + reclaimGrace + ", inline max " + inlineMaxBytes + ", ignite ports " + igniteDiscoveryPort + "/"
                + igniteCommunicationPort + "]";
    }

    /** Parses sizes like 64MiB, 64m, 1GiB, 4096 (all suffixes are binary multiples). */
    static Optional<Long> parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (shift == 0 && m.group(3) != null && m.group(3).equalsIgnoreCase("ib")) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(m.group(1));
            if (n > (Long.MAX_VALUE >> shift)) {
                return Optional.empty();
            }
            return Optional.of(n << shift);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Parses durations like 10s, 500ms, 2m, 1h; a bare number is seconds. */
    static Optional<Duration> parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
            return Optional.of(switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            });
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Turns raw strings into typed values, with messages that say which flag or env var was wrong. */
    private record Reader(Map<ConfigKey, String> raw, Map<ConfigKey, Origin> origins) {

        private ConfigException bad(ConfigKey key, String why) {
            String source = switch (origins.get(key)) {
                case FLAG -> key.flag();
                case ENV -> key.env() + " (env)";
                case DEFAULT -> key.flag() + " default";
            };
            String value = key.kind() == ConfigKey.Kind.SECRET ? "***" : "'" + raw.get(key) + "'";
            return new ConfigException("bad value " + value + " for " + source + ": " + why);
        }

        String text(ConfigKey key) throws ConfigException {
            String v = raw.get(key).trim();
            if (v.isEmpty()) {
                throw bad(key, "it must not be empty");
            }
            return key.kind() == ConfigKey.Kind.SECRET ? raw.get(key) : v;
        }

        String accessKey(ConfigKey key) throws ConfigException {
            String v = text(key);
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c <= ' ' || c >= 0x7f || c == '/' || c == ',' || c == '=') {
                    throw bad(key, "an access key is printable ASCII without spaces, '/', ',' or '='");
                }
            }
            return v;
        }

        int port(ConfigKey key, int min) throws ConfigException {
            long n = number(key, "a port number (" + min + "-65535)");
            if (n < min || n > 65535) {
                throw bad(key, "a port is " + min + "-65535");
            }
            return (int) n;
        }

        long count(ConfigKey key, long min, long max) throws ConfigException {
            long n = number(key, "a whole number");
            if (n < min || n > max) {
                throw bad(key, "it must be between " + min + " and " + max);
            }
            return n;
        }

        private long number(ConfigKey key, String what) throws ConfigException {
            try {
                return Long.parseLong(raw.get(key).trim());
            } catch (NumberFormatException e) {
                throw bad(key, "it is not " + what);
            }
        }

        boolean bool(ConfigKey key) throws ConfigException {
            return switch (raw.get(key).trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0", "" -> false;
                default -> throw bad(key, "use true or false");
            };
        }

        long size(ConfigKey key, long min, long max) throws ConfigException {
            long n = parseSize(raw.get(key)).orElseThrow(
                    () -> bad(key, "write a size like 64MiB, 512m, 1GiB or a number of bytes"));
            if (n < min || n > max) {
                throw bad(key, "it must be between " + human(min) + " and " + human(max));
            }
            return n;
        }

        Duration duration(ConfigKey key) throws ConfigException {
            return parseDuration(raw.get(key)).orElseThrow(
                    () -> bad(key, "write a duration like 10s, 500ms, 2m or 1h"));
        }

        List<String> domains(ConfigKey key) throws ConfigException {
            List<String> out = new ArrayList<>();
            for (String part : raw.get(key).split(",")) {
                String d = part.trim().toLowerCase(Locale.ROOT);
                while (d.startsWith("*.") || d.startsWith(".")) {
                    d = d.substring(d.indexOf('.') + 1);
                }
                if (d.isEmpty()) {
                    continue;
                }
                if (!d.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                    throw bad(key, "'" + d + "' is not a domain name");
                }
                out.add(d);
            }
            return out;
        }
    }

    static String human(long bytes) {
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes >= (1L << 20) && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= (1L << 10) && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }
}
