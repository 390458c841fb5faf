package io.strata.tiering.mover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.tiering.volume.BlobReader;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.Tier;
import io.strata.tiering.volume.StubVolume;
import io.strata.tiering.volume.Volume;
import io.strata.tiering.volume.VolumeUsage;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CloudKeysTest {
    /** A cloud bucket holding the given blob ids; only {@code exists} is asked of it. */
    private static StubVolume bucket(Set<String> ids) {
        return StubVolume.holding("cold", Tier.CLOUD, ids);
    }

    @Test
    void aFreeKeyIsTheFilesBucketAndPath() throws IOException {
        assertEquals("logs/2024/app.gz", CloudKeys.pick(bucket(Set.of()), "logs", "2024/app.gz"));
    }

    @Test
    void anOccupiedKeyIsNeverOverwritten() throws IOException {
        String key = CloudKeys.pick(bucket(Set.of("logs/app.gz")), "logs", "app.gz");
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
