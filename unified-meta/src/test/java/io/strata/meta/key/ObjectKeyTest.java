package io.strata.meta.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.meta.error.InvalidNameException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyTest {

    @Test
    void splitsKeysIntoPathSegments() {
        ObjectKey k = ObjectKey.parse("a/b/c.csv");
        assertEquals(List.of("a", "b", "c.csv"), k.segments());
        assertFalse(k.directoryMarker());
        assertEquals("c.csv", k.name());
        assertEquals(List.of("a", "b"), k.parentSegments());
    }

    @Test
    void trailingSlashNamesADirectory() {
        ObjectKey k = ObjectKey.parse("photos/2024/");
        assertTrue(k.directoryMarker());
        assertEquals(List.of("photos", "2024"), k.segments());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/abs", "a//b", "a/./b", "a/../b", "..", ".", "a/.", "nul\0byte", "a//"})
    void refusesKeysThatCannotBePaths(String key) {
        assertThrows(InvalidNameException.class, () -> ObjectKey.parse(key));
    }

    @Test
    void refusesSegmentsLongerThanNameMax() {
        assertThrows(InvalidNameException.class, () -> ObjectKey.parse("d/" + "x".repeat(256)));
        assertEquals(255, ObjectKey.parse("d/" + "x".repeat(255)).name().length());
    }

    @Test
    void bucketNamesFollowS3Rules() {
        BucketNames.check("my-bucket.v2");
        for (String bad : List.of("ab", "Upper", "-lead", "trail-", "a..b", "192.168.1.1", "under_score", "x".repeat(64))) {
            assertThrows(InvalidNameException.class, () -> BucketNames.check(bad), bad);
        }
    }
}
