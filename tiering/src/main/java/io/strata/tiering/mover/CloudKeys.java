package io.strata.tiering.mover;

import io.strata.tiering.volume.Volume;

import java.io.IOException;
import java.util.UUID;

/**
 * Blob ids on cloud volumes: the file's own bucket and path, so the cloud bucket reads like the namespace
 * ({@code <prefix>/<bucket>/<path>}) and stays usable without Strata. A key is never overwritten: if an older copy
 * still sits there (a reader may hold it until it is reclaimed), the new copy gets a suffix.
 */
final class CloudKeys {
    private CloudKeys() {
    }

    static String pick(Volume volume, String bucket, String path) throws IOException {
        String plain = bucket + "/" + path;
        if (!volume.exists(plain)) {
            return plain;
        }
        return plain + ".strata-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String randomId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
