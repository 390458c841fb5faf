package io.strata.meta.ns;

import io.strata.meta.MetaStore;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.BlobRef;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import java.util.List;
import java.util.UUID;

/** What the namespace's integration tests set up alike: a bucket of its own, an object without real bytes. */
final class NamespaceFixtures {
    private NamespaceFixtures() {
    }

    /** A new bucket with a name no other test uses. */
    static String newBucket(MetaStore meta) {
        String name = "b-" + UUID.randomUUID().toString().substring(0, 8);
        meta.buckets().create(name, BucketCatalog.BucketDefaults.STANDARD);
        return name;
    }

    /** Publishes a 3-byte object as an S3 PUT would, its blob on a volume that is never read. */
    static Inode put(MetaStore meta, String bucket, String key, String etag) {
        BlobRef blob = new BlobRef("vol", UUID.randomUUID().toString());
        meta.ledger().inflight(blob);
        return meta.objects().publish(bucket, ObjectKey.parse(key),
                new NewContent(3, List.of(new Extent(0, 3, blob, 0)), ObjectAttrs.ofEtag(etag)), WriteCondition.NONE);
    }
}
