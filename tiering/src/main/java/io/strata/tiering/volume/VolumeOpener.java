package io.strata.tiering.volume;

import io.strata.tiering.volume.cloud.S3Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens volumes from specs: a directory for nvme and nas, an S3 bucket for cloud. */
public final class VolumeOpener implements VolumeFactory {
    @Override
    public Volume open(VolumeSpec spec) {
        return spec.isCloud() ? new S3Volume(spec.id(), spec.cloud())
                : new LocalVolume(spec.id(), spec.tier(), Path.of(spec.path()));
    }

    @Override
    public void check(VolumeSpec spec) throws IOException {
        if (spec.isCloud()) {
            S3Volume.probe(spec.cloud());
            return;
        }
        Path dir = Path.of(spec.path());
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException(dir + " is not writable by the server");
        }
    }
}
