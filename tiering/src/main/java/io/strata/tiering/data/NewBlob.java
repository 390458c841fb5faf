package io.strata.tiering.data;

import io.strata.meta.model.BlobRef;
import io.strata.meta.ns.BlobLedger;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.checksum.ContentHashes;
import io.strata.tiering.volume.BlobWriter;
import io.strata.tiering.volume.Volume;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.UUID;

/**
 * A new data file being streamed to a volume, hashed on the way (MD5 and the requested checksums). The ledger
 * records it before the first byte, so a crash never leaks it; {@link #finish()} makes it durable.
 */
public final class NewBlob {
    private final BlobRef ref;
    private final BlobWriter writer;
    private final ContentHashes hashes;
    private final BlobLedger ledger;
    private boolean ended;

    private NewBlob(BlobRef ref, BlobWriter writer, ContentHashes hashes, BlobLedger ledger) {
        this.ref = ref;
        this.writer = writer;
        this.hashes = hashes;
        this.ledger = ledger;
    }

    public static NewBlob start(Volume volume, BlobLedger ledger, Set<ChecksumAlgorithm> checksums) throws IOException {
        BlobRef ref = new BlobRef(volume.id(), UUID.randomUUID().toString().replace("-", ""));
        ledger.inflight(ref);
        return new NewBlob(ref, volume.create(ref.blobId()), new ContentHashes(checksums), ledger);
    }

    /** Appends the buffer's remaining bytes. */
    public void write(ByteBuffer data) throws IOException {
        hashes.update(data.duplicate());
        writer.write(data);
    }

    public long size() {
        return writer.written();
    }

    /** Syncs the bytes to stable storage and returns what was written; the blob still awaits publication. */
    public DurableBlob finish() throws IOException {
        ended = true;
        writer.commit();
        return new DurableBlob(ref, writer.written(), hashes.finish());
    }

    /** Gives up the blob: deleted now, and released in the ledger in case the delete did not happen. */
    public void abort() {
        if (ended) {
            return;
        }
        ended = true;
        writer.abort();
        try {
            ledger.released(Set.of(ref));
        } catch (RuntimeException ignored) {
            // Left INFLIGHT: released at the next start-up.
        }
    }

    public BlobRef ref() {
        return ref;
    }
}
