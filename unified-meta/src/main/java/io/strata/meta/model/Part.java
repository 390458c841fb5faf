package io.strata.meta.model;

import java.util.Map;

/** One uploaded part: its bytes are the whole of {@code blob}. */
public record Part(int partNumber, long size, String etag, BlobRef blob, Map<String, String> checksums,
                   long lastModifiedMillis) {
    public Part {
        checksums = Map.copyOf(checksums);
    }
}
