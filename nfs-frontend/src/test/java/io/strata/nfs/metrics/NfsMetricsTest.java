package io.strata.nfs.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.strata.nfs.status.NfsStatus;
import org.junit.jupiter.api.Test;

class NfsMetricsTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final NfsMetrics metrics = new NfsMetrics(registry);

    long count(String procedure, String status) {
        return registry.get("strata.nfs.operations").tags("procedure", procedure, "status", status).timer().count();
    }

    @Test
    void statusesCarryTheirRfcNames() {
        metrics.nfs3(16, NfsStatus.BAD_COOKIE, 1);
        metrics.nfs3(21, NfsStatus.OK, 1);
        metrics.nfs3Garbage(7, 1);
        assertEquals(1, count("READDIR", "NFS3ERR_BAD_COOKIE"));
        assertEquals(1, count("COMMIT", "NFS3_OK"));
        assertEquals(1, count("WRITE", "GARBAGE_ARGS"));
    }

    @Test
    void mountCallsAreTheirOwnProcedures() {
        metrics.mount(0, NfsStatus.OK, 1);
        metrics.mount(1, NfsStatus.OK, 1);
        metrics.mount(1, NfsStatus.NOENT, 1);
        metrics.mount(3, null, 1);
        assertEquals(1, count("MOUNT_NULL", "MNT3_OK"));
        assertEquals(1, count("MOUNT_MNT", "MNT3_OK"));
        assertEquals(1, count("MOUNT_MNT", "MNT3ERR_NOENT"));
        assertEquals(1, count("MOUNT_UMNT", "GARBAGE_ARGS"));
    }

    @Test
    void aProcedureOutsideTheTableIsNotRecorded() {
        metrics.nfs3(22, NfsStatus.OK, 1);
        metrics.mount(-1, NfsStatus.OK, 1);
        assertEquals(0, registry.find("strata.nfs.operations").timers().size());
    }
}
