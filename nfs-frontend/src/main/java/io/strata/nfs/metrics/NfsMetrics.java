package io.strata.nfs.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.strata.nfs.status.NfsStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the NFS front end reports: each call's latency by procedure and status (the RFC 1813 names), and the
 * file bytes READ returned and WRITE took. A timer is built the first time its (procedure, status) occurs and
 * kept in a slot, so a call records without a lookup; combinations that never occur publish nothing.
 */
public final class NfsMetrics {
    /** NFSv3 procedures by number (RFC 1813 3.3.0 to 3.3.21). */
    private static final List<String> NFS3 = List.of("NULL", "GETATTR", "SETATTR", "LOOKUP", "ACCESS", "READLINK",
            "READ", "WRITE", "CREATE", "MKDIR", "SYMLINK", "MKNOD", "REMOVE", "RMDIR", "RENAME", "LINK", "READDIR",
            "READDIRPLUS", "FSSTAT", "FSINFO", "PATHCONF", "COMMIT");
    /** MOUNTv3 procedures by number (RFC 1813 5.2), prefixed: NULL is both programs' procedure 0. */
    private static final List<String> MOUNT3 = List.of("MOUNT_NULL", "MOUNT_MNT", "MOUNT_DUMP", "MOUNT_UMNT",
            "MOUNT_UMNTALL", "MOUNT_EXPORT");
    /** Every nfsstat3, plus one slot for calls whose arguments did not decode. */
    private static final int STATUS_SLOTS = NfsStatus.values().length + 1;
    private static final int GARBAGE = STATUS_SLOTS - 1;

    private static final String DESCRIPTION =
            "NFSv3 and MOUNT calls and NFSv4 operations, from decoded arguments to the reply body ready";

    private final MeterRegistry registry;
    private final AtomicReferenceArray<Timer> nfs3 = new AtomicReferenceArray<>(NFS3.size() * STATUS_SLOTS);
    private final AtomicReferenceArray<Timer> mount3 = new AtomicReferenceArray<>(MOUNT3.size() * STATUS_SLOTS);
    private final Map<String, Timer> nfs4 = new ConcurrentHashMap<>();
    private final Counter bytesRead;
    private final Counter bytesWritten;

    public NfsMetrics(MeterRegistry registry) {
        this.registry = registry;
        bytesRead = Counter.builder("strata.nfs.bytes.read")
                .description("File bytes returned by successful READ calls")
                .register(registry);
        bytesWritten = Counter.builder("strata.nfs.bytes.written")
                .description("File bytes taken by successful WRITE calls")
                .register(registry);
    }

    /** An NFSv3 call that ran, with the status its reply carries. */
    public void nfs3(int procedure, NfsStatus status, long nanos) {
        record(nfs3, NFS3, procedure, status.ordinal(), nanos);
    }

    /** An NFSv3 call answered GARBAGE_ARGS: it never ran. */
    public void nfs3Garbage(int procedure, long nanos) {
        record(nfs3, NFS3, procedure, GARBAGE, nanos);
    }

    /** A MOUNT call; its status uses NFS's numbers (MOUNT's are a subset), {@code null} for GARBAGE_ARGS. */
    public void mount(int procedure, NfsStatus status, long nanos) {
        record(mount3, MOUNT3, procedure, status == null ? GARBAGE : status.ordinal(), nanos);
    }

    /** One operation of an NFSv4 COMPOUND, by its RFC name, with its status (NFS4_OK, NFS4ERR_...). */
    public void nfs4(String operation, String status, long nanos) {
        String key = operation + "/" + status;
        Timer t = nfs4.computeIfAbsent(key, k -> Timer.builder("strata.nfs.operations")
                .description(DESCRIPTION)
                .tag("procedure", "V4_" + operation)
                .tag("status", status.equals("OK") ? "NFS4_OK" : "NFS4ERR_" + status)
                .publishPercentileHistogram()
                .register(registry));
        t.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void bytesRead(long n) {
        bytesRead.increment(n);
    }

    public void bytesWritten(long n) {
        bytesWritten.increment(n);
    }

    private void record(AtomicReferenceArray<Timer> timers, List<String> names, int procedure, int status,
                        long nanos) {
        if (procedure < 0 || procedure >= names.size()) {
            return;
        }
        int slot = procedure * STATUS_SLOTS + status;
        Timer t = timers.get(slot);
        if (t == null) {
            // A race registers the same id twice: the registry hands back the one meter either way.
            t = Timer.builder("strata.nfs.operations")
                    .description(DESCRIPTION)
                    .tag("procedure", names.get(procedure))
                    .tag("status", statusName(names == MOUNT3, status))
                    .publishPercentileHistogram()
                    .register(registry);
            timers.set(slot, t);
        }
        t.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The RFC's names: NFS3_OK, NFS3ERR_NOENT, ...; MNT3_OK, MNT3ERR_ACCES, ...; GARBAGE_ARGS (an RPC status). */
    static String statusName(boolean mount, int slot) {
        if (slot == GARBAGE) {
            return "GARBAGE_ARGS";
        }
        NfsStatus s = NfsStatus.values()[slot];
        if (s == NfsStatus.OK) {
            return mount ? "MNT3_OK" : "NFS3_OK";
        }
        return (mount ? "MNT3ERR_" : "NFS3ERR_") + s.name();
    }
}
