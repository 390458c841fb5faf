package io.strata.meta.ns;

import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.ObjectAttrs;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The new bytes and S3 attributes of an object being published: extents on volumes (already durable there) and,
 * for a small object, its bytes to be stored inline by the publishing transaction itself.
 *
 * @param inline blob id to bytes for extents on the {@link BlobRef#INLINE_VOLUME}; empty otherwise
 */
public record NewContent(long size, List<Extent> extents, ObjectAttrs attrs, java.util.Map<String, byte[]> inline) {
    public NewContent {
        extents = List.copyOf(extents);
        inline = java.util.Map.copyOf(inline);
    }

    public NewContent(long size, List<Extent> extents, ObjectAttrs attrs) {
        this(size, extents, attrs, java.util.Map.of());
    }

    public Set<BlobRef> blobs() {
        Set<BlobRef> out = new LinkedHashSet<>();
        extents.forEach(e -> out.add(e.blob()));
        return out;
    }
}
