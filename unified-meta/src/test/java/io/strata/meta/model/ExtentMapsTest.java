package io.strata.meta.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtentMapsTest {
    static final BlobRef A = new BlobRef("v", "aaa");
    static final BlobRef B = new BlobRef("v", "bbb");

    @Test
    void overlayCutsTheBaseAroundNewWrites() {
        List<Extent> base = List.of(new Extent(0, 100, A, 0));
        List<Extent> out = ExtentMaps.overlay(base, List.of(new Extent(40, 10, B, 40)));
        assertEquals(List.of(new Extent(0, 40, A, 0), new Extent(40, 10, B, 40), new Extent(50, 50, A, 50)), out);
    }

    @Test
    void aPunchedHoleSplitsTheExtentItFallsInAndDropsTheOnesItCovers() {
        List<Extent> file = List.of(new Extent(0, 100, A, 0), new Extent(100, 10, B, 0), new Extent(200, 50, A, 100));
        assertEquals(List.of(new Extent(0, 40, A, 0), new Extent(220, 30, A, 120)),
                ExtentMaps.punch(file, 40, 220), "B's only extent went: its blob is released");
        assertEquals(List.of(new Extent(0, 40, A, 0), new Extent(60, 40, A, 60), new Extent(100, 10, B, 0),
                new Extent(200, 50, A, 100)), ExtentMaps.punch(file, 40, 60));
        assertEquals(file, ExtentMaps.punch(file, 110, 200), "a hole already");
    }

    @Test
    void overlayPastTheEndLeavesAHole() {
        List<Extent> out = ExtentMaps.overlay(List.of(new Extent(0, 10, A, 0)), List.of(new Extent(20, 5, B, 20)));
        assertEquals(List.of(new Extent(0, 10, A, 0), new Extent(20, 5, B, 20)), out);
    }

    @Test
    void sequentialWritesToOneBlobMergeIntoOneExtent() {
        List<Extent> first = ExtentMaps.overlay(List.of(), List.of(new Extent(0, 10, B, 0)));
        List<Extent> second = ExtentMaps.overlay(first, List.of(new Extent(10, 10, B, 10)));
        assertEquals(List.of(new Extent(0, 20, B, 0)), second);
    }

    @Test
    void overlayCoveringSeveralBaseExtentsReplacesThemAll() {
        List<Extent> base = List.of(new Extent(0, 10, A, 0), new Extent(10, 10, B, 0), new Extent(20, 10, A, 10));
        List<Extent> out = ExtentMaps.overlay(base, List.of(new Extent(5, 20, B, 100)));
        assertEquals(List.of(new Extent(0, 5, A, 0), new Extent(5, 20, B, 100), new Extent(25, 5, A, 15)), out);
        assertEquals(30, ExtentMaps.covered(out));
    }

    @Test
    void truncateClipsAndDrops() {
        List<Extent> base = List.of(new Extent(0, 10, A, 0), new Extent(20, 10, B, 0));
        assertEquals(List.of(new Extent(0, 5, A, 0)), ExtentMaps.truncate(base, 5));
        assertEquals(List.of(new Extent(0, 10, A, 0), new Extent(20, 2, B, 0)), ExtentMaps.truncate(base, 22));
        assertEquals(List.of(), ExtentMaps.truncate(base, 0));
    }
}
