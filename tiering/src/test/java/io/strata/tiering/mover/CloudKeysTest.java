package io.strata.tiering.mover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeUsage;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloudKeysTest {
    /** A bucket holding the given blob ids; only {@code exists} is asked. */
    private record Bucket(Set<String> ids) implements Volume {
        @Override
        public String id() {
            return "cold";
        }

        @Override
        public Tier tier() {
            return Tier.CLOUD;
        }

        @Override
        public boolean exists(String blobId) {
            return ids.contains(blobId);
        }

        @Override
        public BlobWriter create(String blobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BlobReader open(String blobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(String blobId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VolumeUsage usage() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aFreeKeyIsTheFilesBucketAndPath() throws IOException {
        assertEquals("logs/2024/app.gz", CloudKeys.pick(new Bucket(Set.of()), "logs", "2024/app.gz"));
    }

    @Test
    void anOccupiedKeyIsNeverOverwritten() throws IOException {
        String key = CloudKeys.pick(new Bucket(Set.of("logs/app.gz")), "logs", "app.gz");
        assertNotEquals("logs/app.gz", key);
        assertTrue(key.matches("logs/app\\.gz\\.strata-[0-9a-f]{8}"), key);
    }

    @Test
    void randomIdsAreThirtyTwoHexDigitsAndDiffer() {
        String a = CloudKeys.randomId();
        assertTrue(a.matches("[0-9a-f]{32}"), a);
        assertNotEquals(a, CloudKeys.randomId());
    }
}
