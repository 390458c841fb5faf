package io.strata.tiering.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/** MD5 (for the ETag) and the requested S3 checksums, computed in one pass as bytes stream through. */
public final class ContentHashes {
    private final MessageDigest md5 = ChecksumAlgorithm.digest("MD5");
    private final Map<ChecksumAlgorithm, RunningChecksum> running = new EnumMap<>(ChecksumAlgorithm.class);

    public ContentHashes(Set<ChecksumAlgorithm> algorithms) {
        algorithms.forEach(a -> running.put(a, a.start()));
    }

    public void update(ByteBuffer data) {
        int pos = data.position();
        md5.update(data);
        for (RunningChecksum c : running.values()) {
            data.position(pos);
            c.update(data);
        }
    }

    public Result finish() {
        Map<ChecksumAlgorithm, String> sums = new EnumMap<>(ChecksumAlgorithm.class);
        running.forEach((a, c) -> sums.put(a, Base64.getEncoder().encodeToString(c.finish())));
        return new Result(md5.digest(), sums);
    }

    /** @param md5 raw MD5; {@code checksums} algorithm to base64 digest */
    public record Result(byte[] md5, Map<ChecksumAlgorithm, String> checksums) {
        public String md5Hex() {
            return HexFormat.of().formatHex(md5);
        }
    }
}
