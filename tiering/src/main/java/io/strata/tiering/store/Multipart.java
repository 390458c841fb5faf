package io.strata.tiering.store;

import io.strata.meta.MetaStore;
import io.strata.meta.key.ObjectKey;
import io.strata.meta.model.ETags;
import io.strata.meta.model.Extent;
import io.strata.meta.model.Inode;
import io.strata.meta.model.ObjectAttrs;
import io.strata.meta.model.Part;
import io.strata.meta.model.Upload;
import io.strata.meta.ns.NewContent;
import io.strata.meta.ns.UploadCatalog;
import io.strata.tiering.checksum.ChecksumAlgorithm;
import io.strata.tiering.checksum.RunningChecksum;
import io.strata.tiering.data.DurableBlob;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Multipart uploads with S3's rules: parts are blobs; completion checks the client's part list (ascending, each
 * known with a matching ETag, all but the last at least {@code minPartSize}) and publishes the parts as extents
 * of the object, with the {@code md5-of-md5s-N} ETag and composite checksums.
 */
public final class Multipart {
    private final MetaStore meta;
    private final long minPartSize;

    public Multipart(MetaStore meta, long minPartSize) {
        this.meta = meta;
        this.minPartSize = minPartSize;
    }

    public Upload create(String bucket, ObjectKey key, ObjectAttrs attrs, ChecksumAlgorithm algorithm) {
        return meta.uploads().create(bucket, key, attrs, algorithm == null ? null : algorithm.name());
    }

    public Part putPart(String bucket, String uploadId, int partNumber, DurableBlob blob) {
        Map<String, String> sums = new HashMap<>();
        blob.hashes().checksums().forEach((a, v) -> sums.put(a.name(), v));
        Part part = new Part(partNumber, blob.size(), blob.hashes().md5Hex(), blob.ref(), sums, System.currentTimeMillis());
        try {
            meta.uploads().putPart(bucket, uploadId, part);
        } catch (RuntimeException e) {
            meta.ledger().released(Set.of(blob.ref()));
            throw e;
        }
        return part;
    }

    /** One entry of the client's CompleteMultipartUpload list. */
    public record Chosen(int partNumber, String etag) {
    }

    public Inode complete(String bucket, String uploadId, List<Chosen> chosen) {
        return meta.uploads().complete(bucket, uploadId, in -> assemble(in, chosen));
    }

    private NewContent assemble(UploadCatalog.CompletionInput in, List<Chosen> chosen) {
        if (chosen.isEmpty()) {
            throw new PartRules(PartRules.Rule.INVALID_PART, "the part list is empty");
        }
        Map<Integer, Part> stored = new HashMap<>();
        in.parts().forEach(p -> stored.put(p.partNumber(), p));
        ChecksumAlgorithm algorithm = in.upload().checksumAlgorithm() == null
                ? null : ChecksumAlgorithm.parse(in.upload().checksumAlgorithm());
        MessageDigest md5s = md5();
        RunningChecksum composite = algorithm == null ? null : algorithm.start();
        List<Extent> extents = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        int previous = 0;
        for (Chosen c : chosen) {
            if (c.partNumber() <= previous) {
                throw new PartRules(PartRules.Rule.INVALID_PART_ORDER, "part " + c.partNumber() + " after " + previous);
            }
            previous = c.partNumber();
        }
        long offset = 0;
        for (int i = 0; i < chosen.size(); i++) {
            Chosen c = chosen.get(i);
            Part p = stored.get(c.partNumber());
            if (p == null || !ETags.unquote(c.etag()).equals(p.etag())) {
                throw new PartRules(PartRules.Rule.INVALID_PART, "part " + c.partNumber() + " unknown or ETag differs");
            }
            if (i < chosen.size() - 1 && p.size() < minPartSize) {
                throw new PartRules(PartRules.Rule.ENTITY_TOO_SMALL, "part " + c.partNumber() + " is " + p.size() + " bytes");
            }
            md5s.update(HexFormat.of().parseHex(p.etag()));
            if (composite != null) {
                String sum = p.checksums().get(algorithm.name());
                if (sum == null) {
                    throw new PartRules(PartRules.Rule.INVALID_PART, "part " + c.partNumber() + " has no " + algorithm + " checksum");
                }
                composite.update(ByteBuffer.wrap(Base64.getDecoder().decode(sum)));
            }
            if (p.size() > 0) {
                extents.add(new Extent(offset, p.size(), p.blob(), 0));
            }
            sizes.add(p.size());
            offset += p.size();
        }
        String suffix = "-" + chosen.size();
        Map<String, String> checksums = composite == null ? Map.of()
                : Map.of(algorithm.name(), Base64.getEncoder().encodeToString(composite.finish()) + suffix);
        ObjectAttrs a = in.upload().attrs();
        ObjectAttrs attrs = new ObjectAttrs(HexFormat.of().formatHex(md5s.digest()) + suffix, a.headers(),
                a.userMetadata(), a.tags(), checksums, composite == null ? null : "COMPOSITE", sizes);
        return new NewContent(offset, extents, attrs);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
