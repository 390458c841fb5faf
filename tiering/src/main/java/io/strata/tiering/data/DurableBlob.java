package io.strata.tiering.data;

import io.strata.meta.model.BlobRef;
import io.strata.tiering.checksum.ContentHashes;

/** A blob whose bytes are on stable storage, with the hashes of its content. */
public record DurableBlob(BlobRef ref, long size, ContentHashes.Result hashes) {
}
