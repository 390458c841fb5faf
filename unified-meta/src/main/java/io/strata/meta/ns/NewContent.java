package io.strata.meta.ns;

import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.ObjectAttrs;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The new bytes (already durable on volumes) and S3 attributes of an object being published. */
public record NewContent(long size, List<Extent> extents, ObjectAttrs attrs) {
    public NewContent {
        extents = List.copyOf(extents);
    }

    public Set<BlobRef> blobs() {
        Set<BlobRef> out = new LinkedHashSet<>();
        extents.forEach(e -> out.add(e.blob()));
        return out;
    }
}
