package io.strata.nfs.namespace;

import io.strata.meta.error.ContentionException;
import io.strata.meta.error.StaleInodeException;
import io.strata.nfs.status.NfsException;
import io.strata.nfs.status.NfsStatus;
import io.strata.tiering.volume.VolumeUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetaErrorsTest {
    private static NfsStatus statusOf(MetaErrors.NamespaceCall<Void> failing) {
        return assertThrows(NfsException.class, () -> MetaErrors.call(failing)).status();
    }

    @Test
    void anUnreachableVolumeIsJukeboxSoTheKernelClientRetriesInsteadOfFailingTheRead() {
        NfsException e = assertThrows(NfsException.class, () -> MetaErrors.call(() -> {
            throw new VolumeUnavailableException("cloud-1", "cannot reach http://s3.example", new ConnectException());
        }));
        assertEquals(NfsStatus.JUKEBOX, e.status());
        assertTrue(e.getMessage().contains("cloud-1"), e.getMessage());
    }

    @Test
    void otherIoFailuresAreIoErrorsAndContentionIsJukeboxAndAGoneInodeIsStale() {
        assertEquals(NfsStatus.IO, statusOf(() -> {
            throw new IOException("disk failed");
        }));
        assertEquals(NfsStatus.JUKEBOX, statusOf(() -> {
            throw new ContentionException("busy");
        }));
        assertEquals(NfsStatus.STALE, statusOf(() -> {
            throw new StaleInodeException("gone");
        }));
    }
}
