package io.strata.tiering.volume;

import java.io.IOException;

/**
 * A volume cannot be reached right now (a cloud endpoint down, a NAS not mounted). Clients get a retryable answer:
 * S3 503 SlowDown, NFS3ERR_JUKEBOX. Never turned into "not found" or into zeros.
 */
public final class VolumeUnavailableException extends IOException {
    private final String volumeId;

    public VolumeUnavailableException(String volumeId, String message, Throwable cause) {
        super("volume " + volumeId + " is unavailable: " + message, cause);
        this.volumeId = volumeId;
    }

    public String volumeId() {
        return volumeId;
    }
}
